/// S3 on the filesystem (issue 4 builds it).
public enum LocalS3 {}
