import Hummingbird

// API values are returned straight from handlers, encoded by `AppRequestContext.responseEncoder`.
extension EntryDTO: ResponseEncodable {}
extension EditionDTO: ResponseEncodable {}
extension EditionListDTO: ResponseEncodable {}
extension EntryListDTO: ResponseEncodable {}
extension SearchResultsDTO: ResponseEncodable {}
extension ZoneListDTO: ResponseEncodable {}
extension HealthDTO: ResponseEncodable {}
extension MeDTO: ResponseEncodable {}
extension UserListDTO: ResponseEncodable {}
extension VerificationRequestDTO: ResponseEncodable {}
extension SignedReceiptDTO: ResponseEncodable {}
extension PublicKeyDTO: ResponseEncodable {}
extension PublicCheckDTO: ResponseEncodable {}
extension IssuingBodyListDTO: ResponseEncodable {}
extension AuditListDTO: ResponseEncodable {}
extension WebhookDTO: ResponseEncodable {}

/// The list writes its own bytes (`json()`), the same as the encoder's, faster.
extension VerificationListDTO: ResponseGenerator {
    func response(from request: Request, context: some RequestContext) throws -> Response {
        Response(status: .ok, headers: JSONResponse.headers, body: .init(byteBuffer: try json()))
    }
}

/// A JSON answer's headers, made once (a header's value is checked when it is made).
enum JSONResponse {
    static let headers: HTTPFields = [.contentType: "application/json; charset=utf-8"]
}
extension BenefitRouteListDTO: ResponseEncodable {}
extension BenefitRouteDTO: ResponseEncodable {}
extension DepartmentListDTO: ResponseEncodable {}
extension DossierDTO: ResponseEncodable {}
extension DemandDTO: ResponseEncodable {}
extension ProposalDTO: ResponseEncodable {}
extension ProposalListDTO: ResponseEncodable {}
