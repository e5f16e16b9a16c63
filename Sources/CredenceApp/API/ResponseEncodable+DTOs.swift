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

/// The evaluation writes its own bytes (`json()`), the same as the encoder's, faster.
extension BenefitEvaluationDTO: ResponseGenerator {
    public func response(from request: Request, context: some RequestContext) throws -> Response {
        Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(bytes: json())))
    }
}

/// The list writes its own bytes too (`json()`).
extension VerificationListDTO: ResponseGenerator {
    func response(from request: Request, context: some RequestContext) throws -> Response {
        Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(bytes: try json())))
    }
}
extension BenefitRouteListDTO: ResponseEncodable {}
extension DepartmentListDTO: ResponseEncodable {}
extension DossierDTO: ResponseEncodable {}
extension DemandDTO: ResponseEncodable {}
extension ProposalDTO: ResponseEncodable {}
extension ProposalListDTO: ResponseEncodable {}
