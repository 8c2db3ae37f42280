/// The Lambda emulator: Runtime API, Invoke API, supervisor, async queue, gateway (issue 5 builds it).
public enum LambdaRuntimeEmulator {}
