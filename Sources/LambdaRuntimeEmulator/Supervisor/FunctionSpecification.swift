import Foundation
import LocalDynamo

/// Builds function configurations from command-line style text (`NAME=CODE_DIR`) and SAM `--env-vars` files.
public enum FunctionSpecification {
    /// Why a specification was refused.
    public enum Failure: Error, Equatable, CustomStringConvertible {
        case malformed(String)
        case missingBootstrap(String)
        case invalidEnvironmentFile(String)

        public var description: String {
            switch self {
            case .malformed(let text): return "expected --function NAME=CODE_DIR, got '\(text)'"
            case .missingBootstrap(let path): return "no executable bootstrap in \(path)"
            case .invalidEnvironmentFile(let reason): return "invalid --env-vars file: \(reason)"
            }
        }
    }

    /// Parses `NAME=CODE_DIR`; the directory must hold an executable `bootstrap`.
    public static func parse(
        _ text: String, timeout: Duration, memorySizeMB: Int, reservedConcurrency: Int,
        relativeTo base: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    ) throws(Failure) -> FunctionConfiguration {
        guard let equals = text.firstIndex(of: "="), FunctionName(String(text[..<equals])) != nil else {
            throw .malformed(text)
        }
        let name = String(text[..<equals])
        let path = String(text[text.index(after: equals)...])
        guard !path.isEmpty else { throw .malformed(text) }
        let directory = URL(fileURLWithPath: path, relativeTo: base).standardizedFileURL
        guard access(directory.appendingPathComponent("bootstrap").path, X_OK) == 0 else {
            throw .missingBootstrap(directory.path)
        }
        return FunctionConfiguration(
            name: name, codeDirectory: directory, timeout: timeout, memorySizeMB: memorySizeMB,
            reservedConcurrency: reservedConcurrency)
    }

    /// The `Parameters` object of a SAM `--env-vars` document (template parameter overrides).
    public static func parameters(in data: Data) throws(Failure) -> [String: String] {
        try strings(environmentDocument(data)["Parameters"], key: "Parameters")
    }

    /// Applies a SAM `--env-vars` document: `{"Parameters":{…}, "<FunctionName>":{…}}`.
    public static func applyEnvironmentFile(_ data: Data, to functions: inout [FunctionConfiguration]) throws(Failure) {
        let document = try environmentDocument(data)
        let shared = try strings(document["Parameters"], key: "Parameters")
        for index in functions.indices {
            let own = try strings(document[functions[index].name], key: functions[index].name)
            functions[index].environment.merge(shared) { _, new in new }
            functions[index].environment.merge(own) { _, new in new }
        }
    }

    /// The members of an `--env-vars` document, which must be one JSON object.
    static func environmentDocument(_ data: Data) throws(Failure) -> [String: JSON] {
        let document: JSON
        do {
            document = try JSON.parse(Array(data))
        } catch {
            throw .invalidEnvironmentFile("not valid JSON (unexpected character at byte \(error.offset))")
        }
        guard let members = document.objectValue else { throw .invalidEnvironmentFile("not a JSON object") }
        return members
    }

    /// A `{"NAME": "value"}` member as variables; numbers and booleans count as their text.
    static func strings(_ value: JSON?, key: String) throws(Failure) -> [String: String] {
        guard let value else { return [:] }
        guard let object = value.objectValue else { throw .invalidEnvironmentFile("\(key) is not an object") }
        var result: [String: String] = [:]
        for (name, value) in object {
            switch value {
            case .string(let text), .number(let text): result[name] = text
            case .bool(let flag): result[name] = flag ? "true" : "false"
            default: throw .invalidEnvironmentFile("\(key).\(name) is not a string")
            }
        }
        return result
    }
}
