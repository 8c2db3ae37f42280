import Foundation

/// The variables a bootstrap gets, as Lambda sets them (reference 1.6).
enum LambdaProcessEnvironment {
    /// Variables passed through from the emulator's own environment when set.
    static let passedThrough = [
        "PATH", "LANG", "TZ", "LD_LIBRARY_PATH", "HOME", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY",
        "AWS_SESSION_TOKEN", "AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_DYNAMODB", "AWS_ENDPOINT_URL_S3",
        "AWS_ENDPOINT_URL_LAMBDA", "LOG_LEVEL", "DUUNITORI_BASE_URL", "JOBLY_BASE_URL", "SCRAPER_DELAY_SECONDS",
    ]

    static func make(
        for function: FunctionConfiguration, runtimeAPI: String, inherited: [String: String]
    ) -> [String: String] {
        var variables: [String: String] = [:]
        for name in passedThrough {
            if let value = inherited[name] { variables[name] = value }
        }
        variables["PATH"] = variables["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        variables["LANG"] = variables["LANG"] ?? "en_US.UTF-8"
        variables["TZ"] = variables["TZ"] ?? ":UTC"
        variables.merge([
            "AWS_LAMBDA_RUNTIME_API": runtimeAPI,
            "_HANDLER": function.handler,
            "AWS_LAMBDA_FUNCTION_NAME": function.name,
            "AWS_LAMBDA_FUNCTION_VERSION": "$LATEST",
            "AWS_LAMBDA_FUNCTION_MEMORY_SIZE": String(function.memorySizeMB),
            "AWS_LAMBDA_FUNCTION_TIMEOUT": String(function.timeout.components.seconds),
            "AWS_LAMBDA_LOG_GROUP_NAME": "/aws/lambda/\(function.name)",
            "AWS_LAMBDA_LOG_STREAM_NAME": "$LATEST",
            "AWS_REGION": inherited["AWS_REGION"] ?? function.region,
            "AWS_DEFAULT_REGION": inherited["AWS_DEFAULT_REGION"] ?? inherited["AWS_REGION"] ?? function.region,
            "AWS_EXECUTION_ENV": "AWS_Lambda_provided.al2023",
            "LAMBDA_TASK_ROOT": function.codeDirectory.path,
            "LAMBDA_RUNTIME_DIR": function.codeDirectory.path,
        ]) { _, new in new }
        // The function's own variables win, except the ones Lambda reserves.
        for (name, value) in function.environment where variables[name] == nil || !reserved.contains(name) {
            variables[name] = value
        }
        return variables
    }

    static let reserved: Set<String> = [
        "AWS_LAMBDA_RUNTIME_API", "_HANDLER", "AWS_LAMBDA_FUNCTION_NAME", "AWS_LAMBDA_FUNCTION_VERSION",
        "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "LAMBDA_TASK_ROOT", "LAMBDA_RUNTIME_DIR",
    ]
}
