import Testing

@testable import AWSSignature

/// s3-contract.md 1.9.7: the generic SigV4 test suite (awslabs/aws-c-auth `aws-signing-test-suite/v4`).
@Suite struct SigV4TestSuiteTests {
    static let date = AmzDate("20150830T123600Z")!
    static let credentials = AWSCredentials(
        accessKeyID: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")
    static let token = "6e86291e8372ff2a2260956d9b8aae1d763fbf315fa00fa31553b73ebf194267"
    static let unreserved = "-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
    static let stsToken =
        "AQoDYXdzEPT//////////wEXAMPLEtc764bNrC9SAPBSM22wDOk4x4HIZ8j4FZTwdQWLWsKWHGBuFqwAeMicRXmxfpSPfIeoIYRqTflfKD8Y"
        + "UuwthAx7mSEI/qkPpKPi/kMcGdQrmGdeehM4IC1NtBmUpp2wUE8phUZampKsburEDy0KPkyQDYwT7WZ0wq5VSXDvp75YU9HFvlRd8Tx6q6"
        + "fE8YQcHNVXAkiY9q6d+xo0rKwT38xVqr7ZD0u0iPPkUL64lIZbqBAz+scqKmlzm8FDrypNC9Yjc8fPOLn9FX9KSYvKTr4rvx3iSIlTJabIQ"
        + "wj2ICCR/oLxBA=="
    static let formBodyHash = "9095672bbd1f56dfc5b65f3e153adc8731a4a654192329106275f4c7b24d0b6e"

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var method = "GET"
        var target = "/"
        var headers: [(name: String, value: String)] = []
        var style = CanonicalURIStyle.generic
        var sessionToken: String? = nil
        var bodyHash = Digest.emptySHA256Hex
        var headerSignature: String
        var querySignature: String
        var testDescription: String { name }
    }

    static let vanillaHeader = "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"
    static let vanillaQuery = "e93c787ed7f371d5c6b165c1b38ede9550f4dce4144713e844b25b7192d3865d"
    static let postHeader = "5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b"
    static let postQuery = "2ce6e6d2e0cf2f9d1b55fafec88cd20574c31dc2e7631979f71ba2310083e95b"

    static let cases: [Case] = [
        Case(name: "get-vanilla", headerSignature: vanillaHeader, querySignature: vanillaQuery),
        Case(
            name: "get-vanilla-empty-query-key", target: "/?Param1=value1",
            headerSignature: "a67d582fa61cc504c4bae71f336f98b97f1ea3c7a6bfe1b6e45aec72011b9aeb",
            querySignature: "49096700cbbaa5753443850f40df10f904fc2fdb544dc9512203cc77c471a9de"),
        Case(
            name: "get-vanilla-query-order-key-case", target: "/?Param2=value2&Param1=value1",
            headerSignature: "b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500",
            querySignature: "86012e2c9ad4d77369f5d81c11f75158aae4f895a085212cc6d3f923d300bed5"),
        Case(
            name: "get-vanilla-query-order-encoded", target: "/?Param-3=Value3&Param=Value2&%E1%88%B4=Value1",
            headerSignature: "371d3713e185cc334048618a97f809c9ffe339c62934c032af5a0e595648fcac",
            querySignature: "c5f1848ceec943ac2ca68ee720460c23aaae30a2300586597ada94c4a65e4787"),
        Case(
            name: "get-vanilla-query-unreserved", target: "/?\(unreserved)=\(unreserved)",
            headerSignature: "9c3e54bfcdf0b19771a7f523ee5669cdf59bc7cc0884027167c21bb143a40197",
            querySignature: "8e76a88a7433637b12778d5592799b29ad21ecd6cf6325051c21d86f0acda2bf"),
        Case(
            name: "get-vanilla-utf8-query", target: "/?ሴ=bar",
            headerSignature: "2cdec8eed098649ff3a119c94853b13c643bcf08f8b0a1d91e12c9027818dd04",
            querySignature: "0bdd809b1519ac4f0c1dc3540e2cc46bd0c7f778eda408b2ebf3b913d21ff600"),
        Case(
            name: "get-vanilla-with-session-token", sessionToken: token,
            headerSignature: "07ec1639c89043aa0e3e2de82b96708f198cceab042d4a97044c66dd9f74e7f8",
            querySignature: "7ff2b50b376cb4d151970630573d6291dc128cc5c2a12ffb237f73cc53f67b6c"),
        Case(
            name: "get-header-key-duplicate",
            headers: [("My-Header1", "value2"), ("My-Header1", "value2"), ("My-Header1", "value1")],
            headerSignature: "c9d5ea9f3f72853aea855b47ea873832890dbdd183b4468f858259531a5138ea",
            querySignature: "3349ee0b81b4b589da0ff28a395c3591e04de515651dd74f298fa992d1507a97"),
        Case(
            name: "get-header-value-order",
            headers: [
                ("My-Header1", "value4"), ("My-Header1", "value1"), ("My-Header1", "value3"), ("My-Header1", "value2"),
            ],
            headerSignature: "08c7e5a9acfcfeb3ab6b2185e75ce8b1deb5e634ec47601a50643f830c755c01",
            querySignature: "313720e71ca6202fdcfa9b20f88de01a4eb0638a83c833b1c184359a4eda864e"),
        Case(
            name: "get-header-value-multiline", headers: [("My-Header1", "value1\n  value2\n     value3")],
            headerSignature: "cfd34249e4b1c8d6b91ef74165d41a32e5fab3306300901bb65a51a73575eefd",
            querySignature: "e6f5def831211aca02987a44b96826706278c7bc078112ae0263659c5b2f2d56"),
        Case(
            name: "get-header-value-trim", headers: [("My-Header1", " value1"), ("My-Header2", " \"a   b   c\"")],
            headerSignature: "acc3ed3afb60bb290fc8d2dd0098b9911fcaa05412b367055dee359757a9c736",
            querySignature: "e7bb0fd515e125e1aec2ecc4c0c17484fb06f6846b927c35e46005dd3df3acd4"),
        Case(
            name: "get-unreserved", target: "/-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",
            headerSignature: "07ef7494c76fa4850883e2b006601f940f8a34d404d0cfa977f52a65bbf5f24f",
            querySignature: "95968482db1b9e0fadef6efc1bd24689f77c77d9ef56919c96a28cc92e0d6005"),
        Case(
            name: "get-utf8", target: "/ሴ",
            headerSignature: "8318018e0b0f223aa2bbf98705b62bb787dc9c0e678f255a891fd03141be5d85",
            querySignature: "10eae3f14a260bd3911cc6d008d3c576d143b05b62f09782a7a4b37f52178e44"),
        Case(
            name: "get-space-normalized", target: "/example space/",
            headerSignature: "652487583200325589f1fba4c7e578f72c47cb61beeca81406b39ddec1366741",
            querySignature: "7a1f416954786484c9824d93c1f26ef64acb9b1b6c9154d08c9f07d0e394abf6"),
        Case(
            name: "get-space-unnormalized", target: "/example space/", style: .s3,
            headerSignature: "652487583200325589f1fba4c7e578f72c47cb61beeca81406b39ddec1366741",
            querySignature: "7a1f416954786484c9824d93c1f26ef64acb9b1b6c9154d08c9f07d0e394abf6"),
        Case(
            name: "get-slash-unnormalized", target: "//", style: .s3,
            headerSignature: "c88bcd3d312d75078c0cd961d6deae3f4c754924b01669efcfcb439fd5e5b76e",
            querySignature: "b2a9542809db687769200f56a844a03f2bd0291d6eb90232d5101c6a579446cd"),
        Case(
            name: "get-slashes-unnormalized", target: "//example//", style: .s3,
            headerSignature: "87cca117541a147f6df867677d98a7d80dff226d2bfca9e4ffa899665623c7e5",
            querySignature: "822a5a9ba28072c5ab2bb4a6307d0c88276d40e49fec6b724c03fb4d4ba60fc2"),
        Case(
            name: "get-slash-dot-slash-unnormalized", target: "/./", style: .s3,
            headerSignature: "68714168e6557f8f2de0ef956fc24dc2593a4bd2961f8df51898d8a134695145",
            querySignature: "a9b13e8f3484d9505bf1a6f347219f8f35b0fe8f128ceea597efc146a3dfe90c"),
        Case(
            name: "get-slash-pointless-dot-unnormalized", target: "/./example", style: .s3,
            headerSignature: "beb03f223f7deae4146464f06e29eebbee9c8afbe15c290cf07aa8b119e14cff",
            querySignature: "72b11f16d9530b18204bfb71f2d6ab085894c0ed8d352730a6e76234c58b5e10"),
        Case(
            name: "get-relative-unnormalized", target: "/example/..", style: .s3,
            headerSignature: "eca7ead57bb5aa5c8e28007acd4ff04e1ff9a0ff3b237ec1554a184887ff9282",
            querySignature: "cbcb213b928a077e43275df47b500f1dfaa864ab3f5a18f6b95f4ff0938167ee"),
        Case(
            name: "get-relative-relative-unnormalized", target: "/example1/example2/../..", style: .s3,
            headerSignature: "dc33e0856fd4baca4d7aa2146c38958283844764f38c74252a333df5e613003b",
            querySignature: "b45db0bfd1cf15003493b733e33aa208dd981bd0e63037a6ed953f71d2118a16"),
        Case(
            name: "get-slash-normalized", target: "//", headerSignature: vanillaHeader, querySignature: vanillaQuery),
        Case(
            name: "get-slash-dot-slash-normalized", target: "/./", headerSignature: vanillaHeader,
            querySignature: vanillaQuery),
        Case(
            name: "get-relative-normalized", target: "/example/..", headerSignature: vanillaHeader,
            querySignature: vanillaQuery),
        Case(
            name: "get-relative-relative-normalized", target: "/example1/example2/../..",
            headerSignature: vanillaHeader, querySignature: vanillaQuery),
        Case(
            name: "get-slashes-normalized", target: "//example//",
            headerSignature: "9a624bd73a37c9a373b5312afbebe7a714a789de108f0bdfe846570885f57e84",
            querySignature: "c1834e8fb0307243711f0f907f6ab7311ed300d87f13792d7ee4da89ab93e082"),
        Case(
            name: "get-slash-pointless-dot-normalized", target: "/./example",
            headerSignature: "ef75d96142cf21edca26f06005da7988e4f8dc83a165a80865db7089db637ec5",
            querySignature: "35034b1a0bdd969f346975386daf8aedfd4976573b8348cf4f67eaa41c5857de"),
        Case(name: "post-vanilla", method: "POST", headerSignature: postHeader, querySignature: postQuery),
        Case(
            name: "post-header-key-sort", method: "POST", headers: [("My-Header1", "value1")],
            headerSignature: "c5410059b04c1ee005303aed430f6e6645f61f4dc9e1461ec8f8916fdf18852c",
            querySignature: "c09d07e0d55871f10f2a6d350d994acf6825a3cae70673d7def55616e6119dd7"),
        Case(
            name: "post-header-value-case", method: "POST", headers: [("My-Header1", "VALUE1")],
            headerSignature: "cdbc9802e29d2942e5e10b5bccfdd67c5f22c7c4e8ae67b53629efa58b974b7d",
            querySignature: "0698bc9e4f7f9139065ba2909c0e99da257e8e2a42492a097bcd46d792391fed"),
        Case(
            name: "post-vanilla-query", method: "POST", target: "/?Param1=value1",
            headerSignature: "28038455d6de14eafc1f9222cf5aa6f1a96197d7deb8263271d420d138af7f11",
            querySignature: "a9ef26247f293bffe40eeff86a0480ba8c14d31503b2e0c3399e3a16bf1a3682"),
        Case(
            name: "post-sts-header-before", method: "POST", sessionToken: stsToken,
            headerSignature: "85d96828115b5dc0cfc3bd16ad9e210dd772bbebba041836c64533a82be05ead",
            querySignature: "46c2e3c63c1dbe7d39f8ada16fe7f001c1f56c5791441565323677f96308871c"),
    ]

    static func signer(_ testCase: Case) -> SigV4Signer {
        var credentials = Self.credentials
        credentials.sessionToken = testCase.sessionToken
        var signer = SigV4Signer(credentials: credentials, region: "us-east-1", service: "service")
        signer.style = testCase.style
        return signer
    }

    static func request(_ testCase: Case) -> SignableRequest {
        SignableRequest(
            method: testCase.method, target: testCase.target,
            headers: [("Host", "example.amazonaws.com")] + testCase.headers)
    }

    @Test(arguments: cases)
    func headerVariant(testCase: Case) throws {
        let signed = try Self.signer(testCase).sign(
            Self.request(testCase), payloadHash: testCase.bodyHash, date: Self.date.date)
        #expect(signed.signature.signature == testCase.headerSignature)
        #expect(signed.request.header("x-amz-content-sha256") == nil)
        #expect(signed.request.header("x-amz-security-token") == testCase.sessionToken)
    }

    @Test(arguments: cases)
    func queryVariant(testCase: Case) throws {
        let presigned = try Self.signer(testCase).presign(
            Self.request(testCase), expires: 3600, date: Self.date.date, payloadHash: testCase.bodyHash)
        #expect(presigned.signature.signature == testCase.querySignature)
    }

    @Test func vanillaIntermediates() throws {
        let signer = Self.signer(Self.cases[0])
        let signed = try signer.sign(
            Self.request(Self.cases[0]), payloadHash: Digest.emptySHA256Hex, date: Self.date.date)
        #expect(
            signed.signature.canonicalRequest.text
                == "GET\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\n"
                + Digest.emptySHA256Hex)
        #expect(
            signed.signature.stringToSign
                == "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\n"
                + "bb579772317eb040ac9ed261061d46c1f17a8133879d6129b6e1c25292927e63")
        #expect(
            Hex.encode(signed.signature.signingKey.bytes)
                == "938127b5336810ddb6a5d6af445fcac9e371f9ed418ed386b022aed82901be75")
        let presigned = try signer.presign(
            Self.request(Self.cases[0]), expires: 3600, date: Self.date.date, payloadHash: Digest.emptySHA256Hex)
        #expect(
            presigned.signature.canonicalRequest.query
                == "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIDEXAMPLE%2F20150830%2Fus-east-1%2Fservice"
                + "%2Faws4_request&X-Amz-Date=20150830T123600Z&X-Amz-Expires=3600&X-Amz-SignedHeaders=host")
        #expect(
            presigned.signature.canonicalRequest.hashHex
                == "bb7705b4aa3cb8e8f5e1e0b3d4c0b64030797a313c8ceee43e33117cc43eadc5")
    }

    @Test(arguments: [
        (
            "application/x-www-form-urlencoded", "d3875051da38690788ef43de4db0d8f280229d82040bfac253562e56c3f20e0b",
            "89a40deed0f26f9461242825a082d2222717248abc7ab41f552ad84a94ad46e9"
        ),
        (
            "application/x-www-form-urlencoded; charset=utf-8",
            "328d1b9eaadca9f5818ef05e8392801e091653bafec24fcab71e7344e7f51422",
            "0dbeb9b026c7b6675f266b8427efec9b4fa8b1f6ef1477d717aea231106eab4d"
        ),
    ])
    func postFormBody(contentType: String, headerSignature: String, querySignature: String) throws {
        #expect(Digest.sha256Hex("Param1=value1") == Self.formBodyHash)
        var signer = SigV4Signer(credentials: Self.credentials, region: "us-east-1", service: "service")
        signer.addsContentSHA256Header = true
        let request = SignableRequest(
            method: "POST", path: "/",
            headers: [("Content-Type", contentType), ("Content-Length", "13"), ("Host", "example.amazonaws.com")])
        let signed = try signer.sign(request, payloadHash: Self.formBodyHash, date: Self.date.date)
        #expect(signed.signature.signature == headerSignature)

        let presigned = try signer.presign(request, expires: 3600, date: Self.date.date, payloadHash: Self.formBodyHash)
        #expect(presigned.signature.canonicalRequest.headers.signedHeaders == "content-length;content-type;host")
        #expect(presigned.signature.signature == querySignature)
    }

    /// The token may also arrive as a header the caller set: it is then signed like any other header.
    @Test func postSTSTokenAsRequestHeader() throws {
        let signer = SigV4Signer(credentials: Self.credentials, region: "us-east-1", service: "service")
        let request = SignableRequest(
            method: "POST", path: "/",
            headers: [("Host", "example.amazonaws.com"), ("X-Amz-Security-Token", Self.stsToken)])
        let signed = try signer.sign(request, payloadHash: Digest.emptySHA256Hex, date: Self.date.date)
        #expect(signed.signature.signature == "85d96828115b5dc0cfc3bd16ad9e210dd772bbebba041836c64533a82be05ead")
    }

    /// A later revision of the suite also signs an `x-amz-content-sha256` header in the query variant.
    @Test func postFormBodyQueryWithSignedContentHashHeader() throws {
        let signer = SigV4Signer(credentials: Self.credentials, region: "us-east-1", service: "service")
        let request = SignableRequest(
            method: "POST", path: "/",
            headers: [
                ("Content-Type", "application/x-www-form-urlencoded"), ("Host", "example.amazonaws.com"),
                ("Content-Length", "13"), ("x-amz-content-sha256", Self.formBodyHash),
            ])
        let presigned = try signer.presign(request, expires: 3600, date: Self.date.date, payloadHash: Self.formBodyHash)
        #expect(presigned.signature.signature == "c2348f57d08c84939944d6c878b3f7be56316f8e7fd6817e81eded279a362d69")
    }
}
