import AWSSignature
import Foundation
import Testing

@testable import AWSClients

@Suite struct ValueTests {
    @Test func attributeValuesRoundTripThroughDynamoDBJSON() throws {
        let item: DynamoItem = [
            "s": .string("ä"), "n": .number("-1.50"), "b": .binary([0, 1]), "t": .bool(true), "z": .null,
            "m": .map(["x": .list([.number(1), .stringSet(["a"])])]), "ns": .numberSet(["1", "2"]),
            "bs": .binarySet([[255]]),
        ]
        let data = try JSONEncoder().encode(item)
        let object = try #require(JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect((object["b"] as? [String: String]) == ["B": "AAE="])
        #expect((object["n"] as? [String: String]) == ["N": "-1.50"])
        #expect((object["z"] as? [String: Bool]) == ["NULL": true])
        #expect(try JSONDecoder().decode(DynamoItem.self, from: data) == item)
    }

    @Test func attributeValuesWithoutExactlyOneTagAreRejected() {
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(AttributeValue.self, from: Data(#"{}"#.utf8)) }
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(AttributeValue.self, from: Data(#"{"S":"a","N":"1"}"#.utf8))
        }
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(AttributeValue.self, from: Data(#"{"B":"!!"}"#.utf8))
        }
    }

    @Test func configurationComesFromTheStandardVariables() throws {
        let configuration = try AWSConfiguration.fromEnvironment([
            "AWS_ACCESS_KEY_ID": "AK", "AWS_SECRET_ACCESS_KEY": "SK", "AWS_SESSION_TOKEN": "TOKEN",
            "AWS_REGION": "eu-north-1", "AWS_ENDPOINT_URL": "http://127.0.0.1:4566/",
            "AWS_ENDPOINT_URL_S3": "http://127.0.0.1:9000",
        ])
        #expect(configuration.region == "eu-north-1")
        #expect(
            configuration.credentials == AWSCredentials(accessKeyID: "AK", secretAccessKey: "SK", sessionToken: "TOKEN")
        )
        #expect(configuration.endpoint(for: .s3) == "http://127.0.0.1:9000")
        #expect(configuration.endpoint(for: .dynamodb) == "http://127.0.0.1:4566")
        #expect(configuration.endpoint(for: .lambda) == "http://127.0.0.1:4566")
    }

    @Test func unsetEndpointsMeanTheRealRegionalOnes() throws {
        let configuration = try AWSConfiguration.fromEnvironment([
            "AWS_ACCESS_KEY_ID": "AK", "AWS_SECRET_ACCESS_KEY": "SK", "AWS_DEFAULT_REGION": "eu-west-1",
        ])
        #expect(configuration.endpoint(for: .dynamodb) == "https://dynamodb.eu-west-1.amazonaws.com")
        #expect(configuration.endpoint(for: .lambda) == "https://lambda.eu-west-1.amazonaws.com")
        #expect(configuration.credentials.sessionToken == nil)
    }

    @Test func missingCredentialsAndBadEndpointsAreClearErrors() {
        #expect(throws: AWSConfigurationError.missingCredentials) {
            try AWSConfiguration.fromEnvironment(["AWS_ACCESS_KEY_ID": "AK"])
        }
        #expect(
            throws: AWSConfigurationError.invalidEndpoint(
                variable: "AWS_ENDPOINT_URL_DYNAMODB", value: "localhost:8000")
        ) {
            try AWSConfiguration.fromEnvironment([
                "AWS_ACCESS_KEY_ID": "AK", "AWS_SECRET_ACCESS_KEY": "SK", "AWS_ENDPOINT_URL_DYNAMODB": "localhost:8000",
            ])
        }
    }

    @Test func serviceErrorCodesAreReadAsBotocoreReadsThem() {
        #expect(
            AWSServiceError.code(fromType: "com.amazonaws.dynamodb.v20120810#ResourceNotFoundException")
                == "ResourceNotFoundException")
        #expect(
            AWSServiceError.code(fromType: "ResourceNotFoundException:http://internal.amazon.com/")
                == "ResourceNotFoundException")
        #expect(AWSServiceError.code(fromType: "ValidationException") == "ValidationException")
    }

    @Test func listingsUndoURLEncoding() throws {
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <ListBucketResult><EncodingType>url</EncodingType><IsTruncated>true</IsTruncated>
            <Contents><Key>a%20b/%C3%A4.txt</Key><Size>3</Size><ETag>"e"</ETag></Contents>
            <CommonPrefixes><Prefix>c%2Bd/</Prefix></CommonPrefixes>
            <NextContinuationToken>tok</NextContinuationToken></ListBucketResult>
            """
        let page = try S3ListPage.parse(Array(xml.utf8))
        #expect(page.objects == [S3ObjectSummary(key: "a b/ä.txt", size: 3, eTag: "\"e\"", lastModified: nil)])
        #expect(page.commonPrefixes == ["c+d/"])
        #expect(page.isTruncated && page.nextContinuationToken == "tok")
    }

    @Test func aListingThatIsNotAListBucketResultSaysWhatCameInstead() {
        #expect {
            try S3ListPage.parse(Array("<Error><Code>X</Code></Error>".utf8))
        } throws: { error in
            "\(error)".contains("ListObjectsV2 answered with <Error>, not a ListBucketResult")
        }
        #expect {
            try S3ListPage.parse(Array("<html><body>proxy".utf8))
        } throws: { error in
            "\(error)".contains("not XML: malformed XML at byte")
        }
    }
}
