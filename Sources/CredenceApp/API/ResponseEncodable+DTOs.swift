import Hummingbird

// API values are returned straight from handlers, encoded by `AppRequestContext.responseEncoder`.
extension EntryDTO: ResponseEncodable {}
extension EditionDTO: ResponseEncodable {}
extension EditionListDTO: ResponseEncodable {}
extension EntryListDTO: ResponseEncodable {}
extension SearchResultsDTO: ResponseEncodable {}
extension ZoneListDTO: ResponseEncodable {}
extension HealthDTO: ResponseEncodable {}
extension BenefitEvaluationDTO: ResponseEncodable {}
extension MeDTO: ResponseEncodable {}
extension UserListDTO: ResponseEncodable {}
extension VerificationRequestDTO: ResponseEncodable {}
extension VerificationListDTO: ResponseEncodable {}
extension SignedReceiptDTO: ResponseEncodable {}
extension PublicKeyDTO: ResponseEncodable {}
extension PublicCheckDTO: ResponseEncodable {}
extension IssuingBodyListDTO: ResponseEncodable {}
extension AuditListDTO: ResponseEncodable {}
extension WebhookDTO: ResponseEncodable {}
