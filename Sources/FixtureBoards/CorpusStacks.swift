/// A technology stack ads are written around: role titles in both languages, the skills asked for,
/// and words people search for.
struct CorpusStack: Sendable {
    let name: String
    let english: [String]
    let finnish: [String]
    let core: [String]
    let extra: [String]
    let tags: String
    let duty: String
    let dutyFinnish: String
}

enum CorpusStacks {
    static let all: [CorpusStack] = [
        CorpusStack(
            name: "backend-python", english: ["Python Developer", "Backend Developer (Python)", "Python Engineer"],
            finnish: ["Python-kehittäjä", "Backend-kehittäjä (Python)"], core: ["Python", "Django", "PostgreSQL"],
            extra: ["FastAPI", "Docker", "AWS", "Redis", "Celery"],
            tags: "backend software engineer ohjelmistokehittäjä",
            duty: "design and build the APIs and services behind our products",
            dutyFinnish: "suunnittelet ja rakennat tuotteidemme taustajärjestelmiä ja rajapintoja"),
        CorpusStack(
            name: "backend-java", english: ["Java Developer", "Backend Developer (Java)", "Kotlin Developer"],
            finnish: ["Java-kehittäjä", "Ohjelmistokehittäjä (Java)"], core: ["Java", "Spring Boot", "PostgreSQL"],
            extra: ["Kotlin", "Kafka", "Kubernetes", "Microservices", "Oracle"],
            tags: "backend software engineer ohjelmistokehittäjä",
            duty: "develop the services that run our customers' core business",
            dutyFinnish: "kehität asiakkaidemme liiketoimintakriittisiä palveluita"),
        CorpusStack(
            name: "backend-dotnet", english: [".NET Developer", "C# Developer", "Backend Developer (.NET)"],
            finnish: [".NET-kehittäjä", "C#-ohjelmistokehittäjä"], core: ["C#", ".NET", "ASP.NET Core"],
            extra: ["Azure", "SQL Server", "Entity Framework", "Docker"],
            tags: "backend software engineer ohjelmistokehittäjä dotnet",
            duty: "build and maintain web services on the Microsoft stack",
            dutyFinnish: "rakennat ja ylläpidät verkkopalveluita Microsoft-teknologioilla"),
        CorpusStack(
            name: "backend-go", english: ["Go Developer", "Backend Engineer (Go)", "Golang Developer"],
            finnish: ["Go-kehittäjä", "Backend-kehittäjä (Go)"], core: ["Go", "PostgreSQL", "Kubernetes"],
            extra: ["gRPC", "Docker", "AWS", "Kafka"], tags: "backend software engineer ohjelmistokehittäjä golang",
            duty: "write fast, reliable services that handle millions of requests a day",
            dutyFinnish: "kirjoitat nopeita ja luotettavia palveluita, jotka käsittelevät miljoonia pyyntöjä päivässä"),
        CorpusStack(
            name: "backend-node",
            english: ["Node.js Developer", "Backend Developer (Node.js)", "TypeScript Developer"],
            finnish: ["Node.js-kehittäjä", "Backend-kehittäjä (Node.js)"], core: ["Node.js", "TypeScript", "MongoDB"],
            extra: ["Express", "AWS", "GraphQL", "Docker", "PostgreSQL"],
            tags: "backend software engineer ohjelmistokehittäjä javascript",
            duty: "own the Node.js services and APIs our apps talk to",
            dutyFinnish: "vastaat Node.js-palveluista ja rajapinnoista, joita sovelluksemme käyttävät"),
        CorpusStack(
            name: "frontend-react", english: ["Frontend Developer", "React Developer", "Frontend Engineer (React)"],
            finnish: ["Frontend-kehittäjä", "React-kehittäjä"], core: ["React", "TypeScript", "JavaScript"],
            extra: ["HTML", "CSS", "Next.js", "Redux", "Figma"], tags: "frontend web software ohjelmistokehittäjä",
            duty: "build accessible, fast user interfaces used by thousands of people every day",
            dutyFinnish:
                "rakennat saavutettavia ja nopeita käyttöliittymiä, joita tuhannet ihmiset käyttävät päivittäin"),
        CorpusStack(
            name: "frontend-vue", english: ["Vue.js Developer", "Frontend Developer (Vue)", "Angular Developer"],
            finnish: ["Frontend-kehittäjä (Vue)", "Angular-kehittäjä"], core: ["Vue.js", "JavaScript", "TypeScript"],
            extra: ["Angular", "HTML", "CSS", "Nuxt.js"], tags: "frontend web software ohjelmistokehittäjä",
            duty: "develop the web applications of our customers together with designers",
            dutyFinnish: "kehität asiakkaidemme verkkosovelluksia yhdessä suunnittelijoiden kanssa"),
        CorpusStack(
            name: "fullstack",
            english: ["Full Stack Developer", "Fullstack Engineer", "Full Stack Developer (React, Node.js)"],
            finnish: ["Full stack -kehittäjä", "Fullstack-ohjelmistokehittäjä"],
            core: ["React", "Node.js", "TypeScript"],
            extra: ["PostgreSQL", "Docker", "AWS", "Python", "GraphQL"],
            tags: "full stack fullstack frontend backend web software ohjelmistokehittäjä",
            duty: "work across the whole stack, from the database to the browser",
            dutyFinnish: "työskentelet koko teknologiapinon parissa tietokannasta selaimeen"),
        CorpusStack(
            name: "devops", english: ["DevOps Engineer", "Site Reliability Engineer", "Platform Engineer"],
            finnish: ["DevOps-asiantuntija", "DevOps-insinööri"], core: ["Kubernetes", "Docker", "Terraform"],
            extra: ["AWS", "Linux", "Prometheus", "GitHub Actions", "Ansible"],
            tags: "devops cloud sre platform asiantuntija",
            duty: "automate our infrastructure and keep our platform healthy",
            dutyFinnish: "automatisoit infrastruktuuriamme ja pidät alustamme kunnossa"),
        CorpusStack(
            name: "cloud", english: ["Cloud Engineer", "Cloud Architect", "AWS Engineer"],
            finnish: ["Pilviarkkitehti", "Pilviasiantuntija"], core: ["AWS", "Terraform", "Python"],
            extra: ["Azure", "Kubernetes", "Serverless", "Google Cloud"], tags: "cloud devops pilvi asiantuntija",
            duty: "design secure, cost-effective cloud environments for our customers",
            dutyFinnish: "suunnittelet asiakkaillemme turvallisia ja kustannustehokkaita pilviympäristöjä"),
        CorpusStack(
            name: "data", english: ["Data Engineer", "Analytics Engineer", "Data Platform Engineer"],
            finnish: ["Data Engineer", "Data-insinööri"], core: ["Python", "SQL", "Spark"],
            extra: ["Snowflake", "Airflow", "dbt", "Databricks", "Azure"], tags: "data engineer analytics asiantuntija",
            duty: "build the data pipelines and models our analysts and products rely on",
            dutyFinnish: "rakennat dataputkia ja -malleja, joihin analyytikkomme ja tuotteemme luottavat"),
        CorpusStack(
            name: "ai", english: ["Machine Learning Engineer", "AI Engineer", "ML Engineer (LLM)"],
            finnish: ["Tekoälykehittäjä", "Koneoppimisasiantuntija"], core: ["Python", "PyTorch", "LLM"],
            extra: ["OpenAI", "Kubernetes", "SQL", "TensorFlow", "AWS"],
            tags: "ai machine learning ml tekoäly tekoäly kehittäjä engineer",
            duty: "bring machine learning and language models into production",
            dutyFinnish: "viet koneoppimisen ja kielimallit tuotantoon"),
        CorpusStack(
            name: "mobile", english: ["iOS Developer", "Android Developer", "Mobile Developer (Flutter)"],
            finnish: ["Mobiilikehittäjä", "iOS-kehittäjä"], core: ["Swift", "Kotlin", "Flutter"],
            extra: ["iOS", "Android", "Firebase", "Dart"], tags: "mobile mobiili mobiilikehittäjä developer app",
            duty: "build the mobile apps our customers carry in their pockets",
            dutyFinnish: "rakennat mobiilisovelluksia, joita asiakkaamme käyttävät päivittäin"),
        CorpusStack(
            name: "embedded", english: ["Embedded Software Engineer", "Embedded C++ Developer", "Firmware Engineer"],
            finnish: ["Sulautettujen järjestelmien ohjelmistokehittäjä", "Sulautettujen ohjelmistojen kehittäjä"],
            core: ["C++", "C", "Linux"], extra: ["Rust", "RTOS", "Python", "Yocto"],
            tags: "embedded sulautettujen järjestelmien software engineer ohjelmistokehittäjä",
            duty: "write software for devices that run in factories, ships and hospitals",
            dutyFinnish: "kirjoitat ohjelmistoja laitteisiin, jotka toimivat tehtaissa, laivoissa ja sairaaloissa"),
        CorpusStack(
            name: "qa", english: ["QA Engineer", "Test Automation Engineer", "Software Tester"],
            finnish: ["Testausasiantuntija", "Testiautomaatioasiantuntija"],
            core: ["Python", "Robot Framework", "Selenium"],
            extra: ["CI/CD", "Jenkins", "Playwright", "JavaScript"],
            tags: "qa testing tester testaaja software asiantuntija",
            duty: "make sure every release works before our users see it",
            dutyFinnish: "varmistat, että jokainen julkaisu toimii ennen kuin käyttäjämme näkevät sen"),
        CorpusStack(
            name: "php", english: ["PHP Developer", "Laravel Developer", "Web Developer (PHP)"],
            finnish: ["PHP-kehittäjä", "Web-kehittäjä (PHP)"], core: ["PHP", "Laravel", "MySQL"],
            extra: ["JavaScript", "Vue.js", "Docker", "WordPress"], tags: "web backend software ohjelmistokehittäjä",
            duty: "develop and maintain busy web services and online shops",
            dutyFinnish: "kehität ja ylläpidät vilkkaita verkkopalveluita ja verkkokauppoja"),
    ]

    static let cities = [
        "Helsinki", "Helsinki", "Helsinki", "Espoo", "Espoo", "Vantaa", "Tampere", "Tampere", "Turku", "Oulu",
        "Jyväskylä", "Kuopio", "Lahti", "Pori", "Vaasa", "Joensuu", "Seinäjoki", "Lappeenranta", "Hämeenlinna",
        "Etätyö",
    ]

    static let companyFirst = [
        "Koodi", "Pilvi", "Nordic", "Aalto", "Revontuli", "Sisu", "Kide", "Taiga", "Lumi", "Saimaa", "Kaamos",
        "Polar", "Arctic", "Sampo", "Väinö", "Kajo", "Ruska", "Tunturi", "Meri", "Kivi", "Hanki", "Otava",
    ]
    static let companySecond = [
        "Solutions", "Labs", "Systems", "Tech", "Digital", "Software", "Data", "Cloud", "Works", "Group",
    ]
    static let companySuffix = ["Oy", "Oy", "Oyj", "Ab", "Ltd"]
}
