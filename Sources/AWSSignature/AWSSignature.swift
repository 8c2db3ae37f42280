import COpenSSL

/// SigV4 and SigV2 signing (being built in issue 2).
public enum AWSSignature {}
