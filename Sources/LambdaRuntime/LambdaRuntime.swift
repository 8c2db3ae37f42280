/// The Runtime API client loop that hosts a handler inside a bootstrap (issue 5 builds it).
public enum LambdaRuntime {}
