/// DynamoDB on SQLite (issue 3 builds it).
public enum LocalDynamo {}
