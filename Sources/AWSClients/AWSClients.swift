/// DynamoDB, S3 and Lambda clients over CurlHTTP and AWSSignature (being built in issue 2).
public enum AWSClients {}
