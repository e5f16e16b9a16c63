import CredenceCore
import NIOCore
import Synchronization

/// The benefits answer (`POST /api/v1/benefits`), assembled from bytes encoded once per
/// catalog version: each benefit's clause, group, id, routes and title, the notes, and each
/// reason's words. A request writes only what its profile chose — statuses, levels, which
/// reasons — and copies the rest. The bytes are the encoder's for `BenefitEvaluationDTO`
/// (`JSONBytesTests`, 1,620 profiles, each twice: reasons made, then reasons kept).
/// Measured (issue 35, perf): building the DTO's strings and routes on every request, then
/// copying the answer from an array into the response, were two thirds of a request.
public struct EncodedBenefitAnswer: Sendable {
    public let routes: EncodedBenefitRoutes
    /// In the order of `Benefit.all`, which is the order of every evaluation's benefits.
    private let pieces: [Pieces]
    /// `,"notes":[…]`.
    private let notes: [UInt8]
    private let reasons = ReasonBytes()
    /// Enough for the whole answer at once, with the routes' summaries or whole.
    private let capacity: Int
    private let wholeCapacity: Int

    private struct Pieces: Sendable {
        let benefit: Benefit
        /// `,"clause":…,"group":…,"id":…,"level":`
        let head: [UInt8]
        /// `,"routes":[…],"status":`, with the routes' summaries and with them whole.
        let routes: [UInt8]
        let wholeRoutes: [UInt8]
        /// `,"title":{…}}`
        let title: [UInt8]
    }

    public init(_ routes: BenefitRoutes) {
        let encoded = EncodedBenefitRoutes(routes)
        self.routes = encoded
        pieces = Benefit.all.map { benefit in
            var head = JSONBytes(capacity: 256)
            head.raw(#","clause":"#); head.string(benefit.clause)
            head.raw(#","group":"#); head.string(benefit.group.rawValue)
            head.raw(#","id":"#); head.string(benefit.rawValue)
            head.raw(#","level":"#)
            func routes(whole: Bool) -> [UInt8] {
                var route = JSONBytes(capacity: 4096)
                route.raw(#","routes":"#); route.json(encoded.json(for: benefit, whole: whole))
                route.raw(#","status":"#)
                return route.bytes
            }
            var title = JSONBytes(capacity: 256)
            title.raw(#","title":"#); title.bilingual(benefit.title)
            title.raw("}")
            return Pieces(benefit: benefit, head: head.bytes, routes: routes(whole: false), wholeRoutes: routes(whole: true), title: title.bytes)
        }
        var notes = JSONBytes(capacity: 1024)
        notes.raw(#","notes":"#)
        notes.array(BenefitNote.all) { out, note in
            out.raw(#"{"clause":"#); out.optionalString(note.clause)
            out.raw(#","en":"#); out.string(note.text.en)
            out.raw(#","id":"#); out.string(note.rawValue)
            out.raw(#","zh":"#); out.string(note.text.zh)
            out.raw("}")
        }
        self.notes = notes.bytes
        capacity = pieces.reduce(8192) { $0 + $1.head.count + $1.routes.count + $1.title.count + 2048 }
        wholeCapacity = pieces.reduce(8192) { $0 + $1.head.count + $1.wholeRoutes.count + $1.title.count + 2048 }
    }

    /// The answer's bytes; `wholeRoutes`: each benefit's routes whole (`?include=routes`).
    func write(_ evaluation: BenefitEvaluation, wholeRoutes: Bool = false) -> ByteBuffer {
        var writer = Writer(out: JSONBytes(capacity: wholeRoutes ? wholeCapacity : capacity), words: reasons.kept(), evaluation: evaluation)
        // Read once, not a held entry copied whole for every benefit (each entry's strings
        // retained and released: a tenth of the writing, perf).
        let heldIds = evaluation.qualifications.indices.map { evaluation.qualifications[$0].entry.id }
        writer.out.raw(#"{"benefits":["#)
        for (index, result) in evaluation.benefits.enumerated() {
            if index > 0 { writer.out.raw(",") }
            let pieces = index < self.pieces.count && self.pieces[index].benefit == result.benefit
                ? self.pieces[index] : self.pieces.first { $0.benefit == result.benefit }!
            writer.out.raw(#"{"byQualification":["#)
            for (position, (heldId, own)) in zip(heldIds, evaluation.byQualification(result.benefit)).enumerated() {
                if position > 0 { writer.out.raw(",") }
                writer.out.raw(#"{"entryId":"#); writer.out.string(heldId)
                writer.out.raw(#","level":"#); writer.out.optionalString(own.level?.rawValue)
                writer.out.raw(#","reasons":"#); writer.reasons(own.reasons)
                writer.out.raw(#","status":"#); writer.out.string(own.status.rawValue)
                writer.out.raw("}")
            }
            writer.out.raw("]")
            writer.out.json(pieces.head); writer.out.optionalString(result.level?.rawValue)
            writer.out.raw(#","reasons":"#); writer.reasons(result.reasons)
            writer.out.json(wholeRoutes ? pieces.wholeRoutes : pieces.routes); writer.out.string(result.status.rawValue)
            writer.out.json(pieces.title)
        }
        writer.out.raw(#"],"edition":"#); writer.out.string(evaluation.edition)
        writer.out.json(notes)
        writer.out.raw(#","qualifications":["#)
        for (index, standing) in evaluation.qualifications.enumerated() {
            if index > 0 { writer.out.raw(",") }
            writer.out.raw(#"{"id":"#); writer.out.string(standing.entry.id)
            writer.out.raw(#","reasons":"#); writer.reasons(standing.reasons)
            writer.out.raw(#","status":"#); writer.out.string(standing.status.rawValue)
            writer.out.raw("}")
        }
        writer.out.raw("]}")
        reasons.keep(writer.words)
        return writer.out.buffer
    }

    /// One answer being written. A struct with mutating methods, not closures capturing the
    /// buffer: captured variables are boxed and checked for exclusive access on every use.
    private struct Writer {
        var out: JSONBytes
        var words: ReasonBytes.Words
        let evaluation: BenefitEvaluation

        mutating func reasons(_ list: Reasons) {
            out.raw("[")
            for index in list.indices {
                if index > 0 { out.raw(",") }
                out.json(words.bytes(of: list[index], in: evaluation))
            }
            out.raw("]")
        }
    }
}

/// Each reason's words as JSON (`{"en":…,"fact":…,"zh":…}`), made the first time they are
/// needed and kept for the catalog version. A reason's words depend on the reason and on the
/// held entry it names, so those are the key; reasons quoting a number of years are made
/// each time (a person can type any number), and at most `limit` are kept.
private final class ReasonBytes: Sendable {
    struct Key: Hashable {
        let reason: BenefitReason
        /// The held entry the reason names by position, if any.
        let entry: String?
    }

    static let limit = 4096
    private let store = Mutex<[Key: [UInt8]]>([:])

    /// The words kept so far, and room for the ones this answer makes.
    func kept() -> Words { Words(kept: store.withLock { $0 }) }

    /// Keeps what an answer made.
    func keep(_ words: Words) {
        guard !words.made.isEmpty else { return }
        store.withLock { kept in
            for (key, bytes) in words.made where kept.count < Self.limit { kept[key] = bytes }
        }
    }

    struct Words {
        let kept: [Key: [UInt8]]
        var made: [Key: [UInt8]] = [:]

        mutating func bytes(of reason: BenefitReason, in evaluation: BenefitEvaluation) -> [UInt8] {
            guard let key = Self.key(reason, evaluation) else { return Self.encode(reason, evaluation) }
            if let known = kept[key] ?? made[key] { return known }
            let bytes = Self.encode(reason, evaluation)
            made[key] = bytes
            return bytes
        }

        private static func key(_ reason: BenefitReason, _ evaluation: BenefitEvaluation) -> Key? {
            switch reason {
            case .experienceMet, .experienceShort: return nil
            default:
                let entry = reason.qualificationPosition.flatMap { position in
                    evaluation.qualifications.indices.contains(position) ? evaluation.qualifications[position].entry.id : nil
                }
                return Key(reason: reason, entry: entry)
            }
        }

        private static func encode(_ reason: BenefitReason, _ evaluation: BenefitEvaluation) -> [UInt8] {
            let text = evaluation.text(of: reason)
            var out = JSONBytes(capacity: 512)
            out.raw(#"{"en":"#); out.string(text.en)
            out.raw(#","fact":"#); out.optionalString(reason.missingFact?.rawValue)
            out.raw(#","zh":"#); out.string(text.zh)
            out.raw("}")
            return out.bytes
        }
    }
}
