/// The `Content-Type` a site file is stored with, chosen from its extension.
public enum SiteContentTypes {
    static let byExtension: [String: String] = [
        "html": "text/html; charset=utf-8", "htm": "text/html; charset=utf-8",
        "css": "text/css; charset=utf-8", "js": "text/javascript; charset=utf-8",
        "mjs": "text/javascript; charset=utf-8", "json": "application/json", "map": "application/json",
        "txt": "text/plain; charset=utf-8", "svg": "image/svg+xml", "png": "image/png", "jpg": "image/jpeg",
        "jpeg": "image/jpeg", "gif": "image/gif", "webp": "image/webp", "ico": "image/x-icon",
        "woff": "font/woff", "woff2": "font/woff2", "webmanifest": "application/manifest+json",
        "xml": "application/xml", "yaml": "application/yaml", "yml": "application/yaml", "wasm": "application/wasm",
    ]

    /// The type for a file name; unknown extensions are `application/octet-stream`.
    public static func forFile(_ name: String) -> String {
        let base = name.split(separator: "/").last.map(String.init) ?? name
        guard let dot = base.lastIndex(of: "."), dot != base.startIndex else { return "application/octet-stream" }
        return byExtension[base[base.index(after: dot)...].lowercased()] ?? "application/octet-stream"
    }
}
