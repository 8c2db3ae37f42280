/// The JobsAI domain: questionnaire, pipeline, scrapers, scoring, writers, documents (issues 6 and 7).
public enum JobsAI {}
