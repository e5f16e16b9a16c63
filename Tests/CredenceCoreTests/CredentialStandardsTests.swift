import CredenceCore
import Crypto
import Foundation
import Testing

/// RFC 8785, base58btc and `eddsa-jcs-2022` against the standards' own published vectors.
@Suite struct CredentialStandardsTests {
    // MARK: RFC 8785

    /// RFC 8785 Appendix B: IEEE 754 bit patterns and their canonical text.
    @Test(arguments: [
        (0x0000_0000_0000_0000, "0"), (0x8000_0000_0000_0000, "0"), (0x0000_0000_0000_0001, "5e-324"),
        (0x8000_0000_0000_0001, "-5e-324"), (0x7FEF_FFFF_FFFF_FFFF, "1.7976931348623157e+308"),
        (0xFFEF_FFFF_FFFF_FFFF, "-1.7976931348623157e+308"), (0x4340_0000_0000_0000, "9007199254740992"),
        (0xC340_0000_0000_0000, "-9007199254740992"), (0x4430_0000_0000_0000, "295147905179352830000"),
        (0x44B5_2D02_C7E1_4AF5, "9.999999999999997e+22"), (0x44B5_2D02_C7E1_4AF6, "1e+23"),
        (0x44B5_2D02_C7E1_4AF7, "1.0000000000000001e+23"), (0x444B_1AE4_D6E2_EF4E, "999999999999999700000"),
        (0x444B_1AE4_D6E2_EF4F, "999999999999999900000"), (0x444B_1AE4_D6E2_EF50, "1e+21"),
        (0x3EB0_C6F7_A0B5_ED8C, "9.999999999999997e-7"), (0x3EB0_C6F7_A0B5_ED8D, "0.000001"),
        (0x41B3_DE43_5555_5553, "333333333.3333332"), (0x41B3_DE43_5555_5554, "333333333.33333325"),
        (0x41B3_DE43_5555_5555, "333333333.3333333"), (0x41B3_DE43_5555_5556, "333333333.3333334"),
        (0x41B3_DE43_5555_5557, "333333333.33333343"), (0xBECB_F647_612F_3696, "-0.0000033333333333333333"),
        (0x4314_3FF3_C1CB_0959, "1424953923781206.2"),
    ] as [(UInt64, String)])
    func numbersAreWrittenAsECMAScriptWritesThem(bits: UInt64, expected: String) throws {
        #expect(try JCS.serialize(Double(bitPattern: bits)) == expected)
    }

    @Test func nonFiniteNumbersAreRefused() {
        #expect(throws: JCS.NotCanonicalizable.self) { try JCS.serialize(.nan) }
        #expect(throws: JCS.NotCanonicalizable.self) { try JCS.serialize(.infinity) }
    }

    /// RFC 8785 §3.2.2's example and §3.2.3's sorting example (UTF-16 code unit order).
    @Test func theRFCsExamplesCanonicalizeExactly() throws {
        let input = #"""
            {"numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
             "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/", "literals": [null, true, false]}
            """#
        let expected = #"{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\u000f\nA'B\"\\\\\"/"}"#
        #expect(String(decoding: try JCS.canonicalize(StrictJSON.parse(Array(input.utf8))), as: UTF8.self) == expected)

        let sorting = #"""
            {"\u20ac": "Euro Sign", "\r": "Carriage Return", "\ufb33": "Hebrew Letter Dalet With Dagesh", "1": "One",
             "\ud83d\ude00": "Emoji: Grinning Face", "\u0080": "Control", "\u00f6": "Latin Small Letter O With Diaeresis"}
            """#
        let values = try String(decoding: JCS.canonicalize(StrictJSON.parse(Array(sorting.utf8))), as: UTF8.self)
        let order = ["Carriage Return", "One", "Control", "Latin Small", "Euro Sign", "Emoji", "Hebrew"]
        let positions = order.map { values.range(of: $0)!.lowerBound }
        #expect(positions == positions.sorted())
    }

    // MARK: base58btc and Multikey

    @Test func base58RoundTripsAndKeepsLeadingZeros() {
        #expect(Base58.encode(Array("Hello World!".utf8)) == "2NEpo7TZRRrLZSi2U")
        #expect(Base58.encode([0, 0, 0x28, 0x7F, 0xB4, 0xCD]) == "11233QC4")
        #expect(Base58.decode("11233QC4") == [0, 0, 0x28, 0x7F, 0xB4, 0xCD])
        #expect(Base58.decode("0OIl") == nil, "characters outside the alphabet")
        #expect(Base58.encode([]) == "")
    }

    // MARK: W3C vc-di-eddsa test vectors (TestVectors/, commit abb673eb)

    static let publicKeyMultibase = "z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2"
    static let privateKeyMultibase = "z3u2en7t5LR2WtQH5PfFqMqwVHBeXouLzo6haApm8XHqvjxq"
    static let signedJCS = #"""
        {"@context": ["https://www.w3.org/ns/credentials/v2", "https://www.w3.org/ns/credentials/examples/v2"],
         "id": "urn:uuid:58172aac-d8ba-11ed-83dd-0b3aef56cc33", "type": ["VerifiableCredential", "AlumniCredential"],
         "name": "Alumni Credential", "description": "A minimum viable example of an Alumni Credential.",
         "issuer": "https://vc.example/issuers/5678", "validFrom": "2023-01-01T00:00:00Z",
         "credentialSubject": {"id": "did:example:abcdefgh", "alumniOf": "The School of Examples"},
         "proof": {"type": "DataIntegrityProof", "cryptosuite": "eddsa-jcs-2022", "created": "2023-02-24T23:36:38Z",
           "verificationMethod": "did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2#z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2",
           "proofPurpose": "assertionMethod",
           "@context": ["https://www.w3.org/ns/credentials/v2", "https://www.w3.org/ns/credentials/examples/v2"],
           "proofValue": "z2HnFSSPPBzR36zdDgK8PbEHeXbR56YF24jwMpt3R1eHXQzJDMWS93FCzpvJpwTWd3GAVFuUfjoJdcnTMuVor51aX"}}
        """#
    static let combinedHash = "66ab154f5c2890a140cb8388a22a160454f80575f6eae09e5a097cabe539a1db59b7cb6251b8991add1ce0bc83107e3db9dbbab5bd2c28f687db1a03abc92f19"

    func signedVector() throws -> [String: JSONValue] {
        guard case .object(let fields) = try StrictJSON.parse(Array(Self.signedJCS.utf8)) else { throw CancellationError() }
        return fields
    }

    @Test func theKeyPairDecodesAndMatches() throws {
        let privateKey = try #require(Multikey.privateKey(Self.privateKeyMultibase))
        let publicKey = try #require(Multikey.publicKey(Self.publicKeyMultibase))
        #expect(privateKey.publicKey.rawRepresentation == publicKey.rawRepresentation)
        #expect(Multikey.encode(privateKey.publicKey) == Self.publicKeyMultibase)
        #expect(Multikey.encode(privateKey) == Self.privateKeyMultibase)
    }

    @Test func ourSignerMakesTheVectorsProofValue() throws {
        var document = try signedVector()
        guard case .object(let proof)? = document.removeValue(forKey: "proof") else { throw CancellationError() }
        var options = proof
        options["proofValue"] = nil
        #expect(try EdDSAJCS2022.hashData(document: document, proofOptions: options).hex == Self.combinedHash)

        let key = try #require(Multikey.privateKey(Self.privateKeyMultibase))
        let signed = try EdDSAJCS2022.sign(document, options: .init(
            verificationMethod: proof["verificationMethod"]!.string!, created: try Date("2023-02-24T23:36:38Z", strategy: .iso8601)), key: key)
        // Ed25519 is deterministic (RFC 8032): the same key and bytes give the same signature.
        #expect(signed["proof"] == .object(proof))
    }

    @Test func ourVerifierAcceptsTheVectorAndRefusesAnyOneByteChange() throws {
        let key = try #require(Multikey.publicKey(Self.publicKeyMultibase))
        #expect(EdDSAJCS2022.problem(with: try signedVector(), publicKey: key) == nil)

        let canonical = Array(try JCS.canonicalize(.object(try signedVector())))
        var refused = 0, unreadable = 0
        for index in canonical.indices {
            var changed = canonical
            changed[index] ^= 0x01
            guard case .object(let fields)? = try? StrictJSON.parse(changed) else { unreadable += 1; continue }
            if EdDSAJCS2022.problem(with: fields, publicKey: key) != nil { refused += 1 }
        }
        #expect(refused + unreadable == canonical.count, "every changed byte is refused or unreadable")
        #expect(refused > canonical.count / 2)
    }

    @Test func aRotatedKeysProofNamesItsOwnMethod() throws {
        let did = try #require(DIDWeb(publicURL: URL(string: "https://verify.example.cn:8443")!))
        #expect(did.did == "did:web:verify.example.cn%3A8443")
        #expect(DIDWeb(publicURL: URL(string: "http://127.0.0.1:8080/credence")!)?.did == "did:web:127.0.0.1%3A8080:credence")
        let old = Curve25519.Signing.PrivateKey(), new = Curve25519.Signing.PrivateKey()
        let document = did.document(keys: [new.publicKey, old.publicKey])
        let published = try #require(DIDWeb.assertionKeys(in: document))
        #expect(published.did == did.did)
        #expect(Set(published.keys.keys) == [did.verificationMethod(for: new.publicKey), did.verificationMethod(for: old.publicKey)])
        #expect(document["assertionMethod"] == .array([.string(did.verificationMethod(for: new.publicKey)),
                                                         .string(did.verificationMethod(for: old.publicKey))]))
    }

    @Test func withoutAPublicURLTheIssuerIsThisMachineOnItsPort() throws {
        let local = try CredentialIssuer.fromEnvironment([:], localPort: 9001)
        #expect(local.publicURL == "http://127.0.0.1:9001" && !local.publicURLConfigured)
        #expect(local.did.did == "did:web:127.0.0.1%3A9001")
        let named = try CredentialIssuer.fromEnvironment(["CREDENCE_PUBLIC_URL": "https://verify.example.cn/"], localPort: 9001)
        #expect(named.publicURL == "https://verify.example.cn" && named.publicURLConfigured)
    }
}
