import CCurl
import Testing

@testable import CurlHTTP

@Suite struct HTTPHeadersTests {
    @Test func lookupIgnoresCaseAndKeepsEveryValue() {
        var headers: HTTPHeaders = [("Content-Type", "text/plain"), ("Set-Cookie", "a"), ("set-cookie", "b")]
        #expect(headers["content-type"] == "text/plain")
        #expect(headers.values(for: "SET-COOKIE") == ["a", "b"])
        headers.set("Set-Cookie", "c")
        #expect(headers.values(for: "set-cookie") == ["c"])
        #expect(headers.map(\.name) == ["Content-Type", "Set-Cookie"])
        headers.remove("CONTENT-TYPE")
        #expect(headers["Content-Type"] == nil)
    }

    @Test func parserKeepsOnlyTheFinalResponsesHeaders() {
        var parser = ResponseHeaderParser()
        for line in [
            "HTTP/1.1 100 Continue\r\n", "\r\n", "HTTP/1.1 200 OK\r\n", "Content-Type:  text/html \r\n",
            "X-Empty:\r\n", "no colon here\r\n", "Set-Cookie: a=1; Path=/\r\n", "\r\n",
        ] {
            Array(line.utf8).withUnsafeBytes { parser.consume($0) }
        }
        #expect(parser.headers == [("Content-Type", "text/html"), ("X-Empty", ""), ("Set-Cookie", "a=1; Path=/")])
    }

    @Test func timeoutsBecomeMillisecondsAndZeroMeansNone() {
        #expect(EasyHandleSetup.milliseconds(nil) == 0)
        #expect(EasyHandleSetup.milliseconds(.zero) == 0)
        #expect(EasyHandleSetup.milliseconds(.seconds(-1)) == 0)
        #expect(EasyHandleSetup.milliseconds(.microseconds(10)) == 1)
        #expect(EasyHandleSetup.milliseconds(.milliseconds(1500)) == 1500)
    }
}

@Suite struct CABundleTests {
    @Test func sslCertFileWins() {
        let path = CABundle.locate(environment: ["SSL_CERT_FILE": "/custom.pem"], fileExists: { _ in true })
        #expect(path == "/custom.pem")
    }

    @Test func firstExistingWellKnownPathOtherwise() {
        let amazonLinux = CABundle.locate(environment: ["SSL_CERT_FILE": ""]) { $0.hasPrefix("/etc/pki") }
        #expect(amazonLinux == "/etc/pki/tls/certs/ca-bundle.crt")
        #expect(CABundle.locate(environment: [:]) { _ in true } == "/etc/ssl/certs/ca-certificates.crt")
        #expect(CABundle.locate(environment: [:]) { _ in false } == nil)
    }
}

@Suite struct CurlErrorMappingTests {
    @Test func curlCodesMapToTheErrorsCallersHandle() {
        let cases: [(CURLcode, ErrorKind)] = [
            (CURLE_COULDNT_CONNECT, .connectionRefused), (CURLE_OPERATION_TIMEDOUT, .timedOut),
            (CURLE_URL_MALFORMAT, .malformedURL), (CURLE_UNSUPPORTED_PROTOCOL, .malformedURL),
            (CURLE_COULDNT_RESOLVE_HOST, .couldNotResolveHost), (CURLE_COULDNT_RESOLVE_PROXY, .couldNotResolveHost),
            (CURLE_SEND_ERROR, .sendFailed), (CURLE_RECV_ERROR, .receiveFailed), (CURLE_GOT_NOTHING, .receiveFailed),
            (CURLE_PARTIAL_FILE, .receiveFailed), (CURLE_SSL_CONNECT_ERROR, .tlsFailure),
            (CURLE_PEER_FAILED_VERIFICATION, .tlsFailure), (CURLE_SSL_CACERT_BADFILE, .tlsFailure),
            (CURLE_TOO_MANY_REDIRECTS, .other),
        ]
        for (code, kind) in cases {
            #expect(HTTPClientError(curlCode: code, message: "m").kind == kind, "code \(code.rawValue)")
        }
        #expect(HTTPClientError(curlCode: CURLE_TOO_MANY_REDIRECTS, message: "m") == .other(code: 47, message: "m"))
    }
}
