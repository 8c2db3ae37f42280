import Foundation
import Testing

@testable import AWSSignature

@Suite struct AmzDateTests {
    @Test func formatsAndParses() throws {
        let date = try #require(AmzDate("20130524T000000Z"))
        #expect(date.secondsSince1970 == 1_369_353_600)
        #expect(date.timestamp == "20130524T000000Z")
        #expect(date.dateStamp == "20130524")
        #expect(AmzDate(Date(timeIntervalSince1970: 1_767_323_045.9)).timestamp == "20260102T030405Z")
        #expect(AmzDate(secondsSince1970: 951_782_400).timestamp == "20000229T000000Z")
        #expect(AmzDate(secondsSince1970: 0).timestamp == "19700101T000000Z")
        #expect(AmzDate(secondsSince1970: -1).timestamp == "19691231T235959Z")
        #expect(AmzDate(Date.distantFuture) > AmzDate(secondsSince1970: 4_102_444_800))
        #expect(AmzDate(Date(timeIntervalSince1970: .infinity)).secondsSince1970 == 1_000_000_000_000_000)
        #expect(AmzDate(Date(timeIntervalSince1970: .nan)).secondsSince1970 == 0)
    }

    @Test func roundTripsAcrossYears() throws {
        var seconds: Int64 = -86_400 * 400
        while seconds < 4_102_444_800 {
            let date = AmzDate(secondsSince1970: seconds)
            #expect(AmzDate(date.timestamp) == date)
            seconds += 86_400 * 37 + 3_671
        }
    }

    @Test(arguments: [
        "", "20130524T000000", "20130524 000000Z", "20131324T000000Z", "20130230T000000Z", "20130524T240000Z",
        "2013052aT000000Z", "20130524T000060Z", "+0130524T000000Z",
    ])
    func rejectsMalformed(text: String) {
        #expect(AmzDate(text) == nil)
    }
}

@Suite struct CanonicalisationTests {
    @Test func uriEncoding() {
        #expect(URIEncoding.encode("a b/c~d+e=f", keepSlash: true) == "a%20b/c~d%2Be%3Df")
        #expect(URIEncoding.encode("a b/c", keepSlash: false) == "a%20b%2Fc")
        #expect(URIEncoding.encode("ä", keepSlash: false) == "%C3%A4")
        #expect(URIEncoding.decode("a%20b%2fc+%zz%4") == "a b/c+%zz%4")
    }

    @Test func s3CanonicalURIDoesNotDoubleEncodeOrNormalize() {
        let style = CanonicalURIStyle.s3
        #expect(
            style.canonicalURI(path: "/bkt/Cover%20Letter%20%28final%29.docx")
                == "/bkt/Cover%20Letter%20%28final%29.docx")
        #expect(style.canonicalURI(path: "/bkt/Cover Letter (final).docx") == "/bkt/Cover%20Letter%20%28final%29.docx")
        #expect(style.canonicalURI(path: "/bkt//a/./b/../c") == "/bkt//a/./b/../c")
        #expect(style.canonicalURI(path: "") == "/")
        #expect(style.canonicalURI(path: "/bkt/a%2fb/c%7e%5b") == "/bkt/a%2Fb/c~%5B")
        #expect(style.canonicalURI(path: "/bkt/100%/%zz") == "/bkt/100%25/%25zz")
        #expect(CanonicalURIStyle(service: "s3") == .s3)
    }

    @Test func genericCanonicalURIEncodesTwiceAndNormalizes() {
        let style = CanonicalURIStyle.generic
        #expect(
            style.canonicalURI(path: "/2015-03-31/functions/a%3Ab/invocations")
                == "/2015-03-31/functions/a%253Ab/invocations")
        #expect(style.canonicalURI(path: "//a/./b/../c/") == "/a/c/")
        #expect(style.canonicalURI(path: "/a/b/..") == "/a/")
        #expect(style.canonicalURI(path: "/../..") == "/")
        #expect(CanonicalURIStyle(service: "dynamodb") == .generic)
    }

    @Test func canonicalQuerySortsByEncodedNameThenValue() {
        let pairs: [(name: String, value: String)] = [
            ("b", "2"), ("a", "z"), ("a", "y"), ("uploads", ""), ("prefix", "a/b c"), ("A", "1"),
        ]
        #expect(QueryString.canonical(pairs) == "A=1&a=y&a=z&b=2&prefix=a%2Fb%20c&uploads=")
        #expect(QueryString.canonical([]) == "")
    }

    @Test func queryParseAndEncode() {
        let pairs = QueryString.parse("uploads&prefix=a%2Fb%20c&x=1=2&&empty=")
        #expect(pairs.map(\.name) == ["uploads", "prefix", "x", "empty"])
        #expect(pairs.map(\.value) == ["", "a/b c", "1=2", ""])
        #expect(QueryString.encode(pairs) == "uploads=&prefix=a%2Fb%20c&x=1%3D2&empty=")
        #expect(QueryString.parse("").isEmpty)
    }

    @Test func canonicalHeaders() throws {
        let headers: [(name: String, value: String)] = [
            ("Host", "h:9000"), ("X-Amz-Meta-A", "  x   y\t z  "), ("x-amz-meta-a", "second"), ("Unsigned", "u"),
        ]
        let canonical = try CanonicalHeaders(headers: headers, signedNames: ["x-amz-meta-a", "host"])
        #expect(canonical.block == "host:h:9000\nx-amz-meta-a:x y z,second\n")
        #expect(canonical.signedHeaders == "host;x-amz-meta-a")
        #expect(throws: SigV4Error.signedHeaderMissing("range")) {
            try CanonicalHeaders(headers: headers, signedNames: ["host", "range"])
        }
    }

    @Test func payloadHashClassification() {
        #expect(PayloadHash.isStreaming(PayloadHash.streamingUnsignedTrailer))
        #expect(!PayloadHash.isStreaming(PayloadHash.unsigned))
        #expect(PayloadHash.isSHA256Hex(PayloadHash.empty))
        #expect(!PayloadHash.isSHA256Hex(PayloadHash.unsigned))
    }
}
