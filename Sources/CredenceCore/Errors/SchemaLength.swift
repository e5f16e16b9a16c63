extension String {
    /// A string's length as the API's JSON Schema counts it (`maxLength`): Unicode code
    /// points. `count` counts grapheme clusters, which can be far fewer — a run of emoji
    /// modifiers is one — so a limit checked by `count` let longer text through than the
    /// document promises (schemathesis, seed 424242: a note of 2,000+ code points accepted).
    public var schemaLength: Int { unicodeScalars.count }
}
