/// The `Content-Disposition` of a download (RFC 6266, with the RFC 5987 `filename*` for names beyond ASCII).
public enum AttachmentDisposition {
    /// `attachment; filename="<ASCII fallback>"; filename*=UTF-8''<percent-encoded>`.
    public static func header(fileName: String) -> String {
        let fallback = String(
            fileName.unicodeScalars.map { scalar -> Character in
                guard scalar.isASCII, scalar.value >= 0x20, scalar.value != 0x7F, scalar != "\"", scalar != "\\"
                else { return "_" }
                return Character(scalar)
            })
        return "attachment; filename=\"\(fallback)\"; filename*=UTF-8''\(percentEncoded(fileName))"
    }

    /// RFC 5987 `attr-char` kept, every other byte of the UTF-8 encoding as `%XX`.
    static func percentEncoded(_ text: String) -> String {
        PercentEncoding.encode(text) {
            ScalarClass.isASCIIAlphanumeric($0) || "!#$&+-.^_`|~".unicodeScalars.contains($0)
        }
    }
}
