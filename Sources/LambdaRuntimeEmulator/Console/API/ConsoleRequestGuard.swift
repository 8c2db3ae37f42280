/// Refuses requests that did not come from the console's own page, so a site the developer happens to visit
/// cannot read or change local data: a `Host` that is not the console's (DNS rebinding), an `Origin` of another
/// site, or a browser's `Sec-Fetch-Site: cross-site` on a request that carries neither.
public struct ConsoleRequestGuard: Sendable {
    /// Host names the console answers to, lower-cased, IPv6 in brackets.
    let names: Set<String>
    /// Bound to a wildcard address (asked for with `--host 0.0.0.0`): any IP literal also names the console; a
    /// rebinding attack needs a DNS name, so literals stay safe.
    let acceptsAddressLiterals: Bool

    /// `host` is the address the console listens on.
    public init(host: String) {
        var names: Set<String> = ["localhost", "127.0.0.1", "[::1]"]
        let bound = host.lowercased()
        names.insert(bound.contains(":") && !bound.hasPrefix("[") ? "[\(bound)]" : bound)
        self.names = names
        acceptsAddressLiterals = ["0.0.0.0", "::", "[::]"].contains(bound)
    }

    /// Why the request is refused, or nil when it may go on. `hosts` are the request's authority and every `Host`
    /// header (all must name the console, so a second `Host` cannot smuggle another name), `origins` every
    /// `Origin` header; `port` is the console's bound port.
    public func refusal(hosts: [String], origins: [String] = [], fetchSite: String? = nil, port: Int) -> String? {
        if hosts.isEmpty { return "a request without Host; open http://127.0.0.1:\(port)/" }
        if let host = hosts.first(where: { !accepts(authority: $0, port: port) }) {
            return "Host '\(host)' is not this console's; open http://127.0.0.1:\(port)/"
        }
        let prefix = "http://"
        if let origin = origins.first(where: {
            !$0.lowercased().hasPrefix(prefix) || !accepts(authority: String($0.dropFirst(prefix.count)), port: port)
        }) {
            return "Origin '\(origin)' is not this console's; the console API answers its own page only"
        }
        if origins.isEmpty, let fetchSite, fetchSite != "same-origin", fetchSite != "none" {
            return "a \(fetchSite) request without an Origin; the console API answers its own page only"
        }
        return nil
    }

    /// Whether `name:port` (exactly this port; `:80` may be left out only for port 80) names the console.
    func accepts(authority: String, port: Int) -> Bool {
        let text = authority.lowercased()
        let name: Substring
        let portText: Substring?
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]") else { return false }
            name = text[...close]
            let rest = text[text.index(after: close)...]
            guard rest.isEmpty || rest.hasPrefix(":") else { return false }
            portText = rest.isEmpty ? nil : rest.dropFirst()
        } else if let colon = text.lastIndex(of: ":") {
            name = text[..<colon]
            portText = text[text.index(after: colon)...]
        } else {
            name = text[...]
            portText = nil
        }
        guard (portText.flatMap { Int($0) } ?? 80) == port, portText.map({ !$0.isEmpty }) ?? true else { return false }
        return names.contains(String(name)) || (acceptsAddressLiterals && Self.isAddressLiteral(name))
    }

    /// An IPv4 dotted quad or a bracketed IPv6 address: never a DNS name.
    static func isAddressLiteral(_ name: Substring) -> Bool {
        if name.hasPrefix("[") {
            return name.hasSuffix("]")
                && name.dropFirst().dropLast().allSatisfy { $0.isHexDigit || $0 == ":" || $0 == "." }
        }
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4
            && parts.allSatisfy { part in
                !part.isEmpty && part.count <= 3 && part.allSatisfy(\.isASCIIDigit) && (Int(part) ?? 256) <= 255
            }
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
