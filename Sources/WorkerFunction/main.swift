import Foundation

// The pipeline is issue 7; until then this bootstrap refuses to start rather than pretend.
FileHandle.standardError.write(Data("not implemented: WorkerFunction (issue 7)\n".utf8))
exit(1)
