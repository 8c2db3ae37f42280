/// The JobsAI domain core: questionnaire, pipeline, scoring, writers, documents, API routes.
public enum JobsAI {}
