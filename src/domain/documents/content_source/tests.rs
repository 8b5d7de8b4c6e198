//! The content compiler's tests: each problem names its file (and line), and the real
//! `content/` folder compiles clean.

use super::*;

fn file(path: &str, text: &str) -> SourceFile {
    SourceFile {
        path: path.into(),
        text: text.into(),
    }
}

fn doc(id: &str, v: u32, date: &str) -> SourceFile {
    file(
        &format!("{id}/v{v}.md"),
        &format!(
            "---\nid: {id}\ntitle: T {id}\nversion: {v}\neffective: {date}\nsummary: Change {v}.\nmaterial: true\n---\n\nBody {v}.\n"
        ),
    )
}

fn errors_of(files: &[SourceFile]) -> Vec<String> {
    compile(files)
        .unwrap_err()
        .iter()
        .map(ToString::to_string)
        .collect()
}

#[test]
fn compiles_in_listed_order_with_versions_by_number() {
    let files = vec![
        file("bundle.txt", "# comment\nplatform: Demo\ndocuments: b, a\n"),
        doc("a", 1, "2024-01-01"),
        doc("b", 10, "2025-01-01"),
        doc("b", 2, "2024-06-01"),
        file("README.txt", "ignored"),
    ];
    let v = compile(&files).unwrap();
    assert_eq!(v["format"], FORMAT);
    assert_eq!(v["platform"]["name"], "Demo");
    assert_eq!(v["documents"][0]["id"], "b");
    assert_eq!(v["documents"][0]["versions"][0]["version"], "2");
    assert_eq!(v["documents"][0]["versions"][1]["version"], "10");
    assert_eq!(v["documents"][1]["versions"][0]["body"], "\nBody 1.\n");
    assert_eq!(v["documents"][1]["versions"][0]["material"], true);
}

#[test]
fn front_matter_errors_name_file_and_line() {
    assert_eq!(
        parse_document("x/v1.md", "no front matter")
            .unwrap_err()
            .to_string(),
        "x/v1.md:1: The file must start with a front matter block: a line \"---\", the fields, and another \"---\"."
    );
    assert!(
        parse_document("x/v1.md", "---\nid: x\n")
            .unwrap_err()
            .message
            .contains("never closed")
    );
    let e = parse_document("x/v1.md", "---\nid: x\nthis line has no colon\n---\n").unwrap_err();
    assert_eq!(e.line, Some(3));
    let e = parse_document("x/v1.md", "---\nid: x\nid: y\n---\n").unwrap_err();
    assert!(
        e.to_string()
            .contains("x/v1.md:3: The key \"id\" is given twice")
    );
    let e = parse_document("x/v1.md", "---\nTitle: X\n---\n").unwrap_err();
    assert!(e.message.contains("not a valid key"));
    // A BOM and CRLF line endings are accepted.
    let d = parse_document("x/v1.md", "\u{feff}---\r\nid: x\r\n---\r\nBody\r\n").unwrap();
    assert_eq!(d.get("id"), Some("x"));
    assert_eq!(d.body, "Body\r\n");
}

#[test]
fn folder_level_errors() {
    assert!(errors_of(&[doc("a", 1, "2024-01-01")])[0].contains("There is no bundle.txt"));
    assert!(
        errors_of(&[file("bundle.txt", "platform: X\n")])[0].contains("\"documents\" is missing")
    );
    let e = errors_of(&[
        file(
            "bundle.txt",
            "platform: X\ndocuments: a, ghost\ncolour: red\n",
        ),
        doc("a", 1, "2024-01-01"),
        doc("stray", 1, "2024-01-01"),
        file("loose.md", "x"),
        file("a/draft.md", "x"),
    ]);
    let joined = e.join("\n");
    assert!(joined.contains("Unknown key \"colour\""), "{joined}");
    assert!(
        joined.contains("loose.md: Document files go in a folder"),
        "{joined}"
    );
    assert!(
        joined.contains("a/draft.md: Version files are named v<number>.md"),
        "{joined}"
    );
    assert!(
        joined.contains("The folder \"stray\" is not listed"),
        "{joined}"
    );
    assert!(
        joined.contains("\"ghost\" is listed in \"documents\" but there is no folder"),
        "{joined}"
    );
}

#[test]
fn document_level_errors() {
    let mut wrong_id = doc("a", 2, "2024-02-01");
    wrong_id.text = wrong_id.text.replace("id: a", "id: b");
    let mut wrong_title = doc("a", 3, "2024-03-01");
    wrong_title.text = wrong_title.text.replace("title: T a", "title: Other");
    let mut bad_material = doc("a", 4, "2024-04-01");
    bad_material.text = bad_material.text.replace("material: true", "material: yes");
    let mut missing = doc("a", 5, "2024-05-01");
    missing.text = missing.text.replace("summary: Change 5.\n", "");
    let mut extra = doc("a", 6, "2024-06-01");
    extra.text = extra
        .text
        .replace("material: true", "material: true\nauthor: me");
    let mut wrong_version = doc("a", 7, "2024-07-01");
    wrong_version.text = wrong_version.text.replace("version: 7", "version: 8");
    let e = errors_of(&[
        file("bundle.txt", "documents: a\n"),
        doc("a", 1, "2024-01-01"),
        wrong_id,
        wrong_title,
        bad_material,
        missing,
        extra,
        wrong_version,
    ])
    .join("\n");
    assert!(e.contains("a/v2.md: The front matter says id \"b\""), "{e}");
    assert!(
        e.contains("a/v3.md: The title \"Other\" differs from \"T a\" in a/v1.md"),
        "{e}"
    );
    assert!(
        e.contains("a/v4.md: \"material: yes\" must be true or false"),
        "{e}"
    );
    assert!(
        e.contains("a/v5.md: The front matter has no \"summary\""),
        "{e}"
    );
    assert!(
        e.contains("a/v6.md: Unknown front-matter key \"author\""),
        "{e}"
    );
    assert!(
        e.contains("a/v7.md: The front matter says version \"8\" but the file is named v7.md"),
        "{e}"
    );
}

#[test]
fn consent_json_is_carried_and_must_be_json() {
    let files = vec![
        file("bundle.txt", "documents: a\n"),
        doc("a", 1, "2024-01-01"),
        file("consent.json", "{\"storage_key\": \"x\"}"),
    ];
    assert_eq!(compile(&files).unwrap()["consent"]["storage_key"], "x");
    let mut bad = files.clone();
    bad[2].text = "{\n  \"storage_key\": \n".into();
    let e = errors_of(&bad).join("\n");
    assert!(
        e.starts_with("consent.json:3: This is not valid JSON"),
        "{e}"
    );
}

#[test]
fn pledges_and_acceptance_json_are_carried_and_checked() {
    let mut honor = doc("a", 1, "2024-01-01");
    honor.text = honor
        .text
        .replace("material: true", "material: true\npledges: true")
        .replace("Body 1.", "1. One.\n2. Two.");
    let files = vec![
        file("bundle.txt", "documents: a\n"),
        honor,
        file(
            "acceptance.json",
            "{\"course\": [\"a\"], \"minimum_age\": 16}",
        ),
    ];
    let v = compile(&files).unwrap();
    assert_eq!(v["documents"][0]["versions"][0]["pledges"], true);
    assert_eq!(v["acceptance"]["minimum_age"], 16);

    let mut bad = files.clone();
    bad[1].text = bad[1].text.replace("pledges: true", "pledges: yes");
    bad[2].text = "{\"course\": [\"b\"]}".into();
    let e = errors_of(&bad).join("\n");
    assert!(e.contains("a/v1.md: \"pledges: yes\" must be true"), "{e}");
    assert!(
        e.contains("There is no document \"b\" in this bundle"),
        "{e}"
    );
    let mut no_list = files;
    no_list[1].text = no_list[1].text.replace("1. One.\n2. Two.", "No list.");
    let e = errors_of(&no_list).join("\n");
    assert!(e.contains("but its body has no numbered list"), "{e}");
}

#[test]
fn runtime_checks_apply_too() {
    let e = errors_of(&[
        file("bundle.txt", "documents: a\n"),
        doc("a", 1, "2024-02-30"),
    ])
    .join("\n");
    assert!(
        e.contains("\"2024-02-30\" does not exist in the calendar"),
        "{e}"
    );
}

#[test]
fn revisions_txt_becomes_the_archived_list() {
    let files = vec![
        file("bundle.txt", "documents: a\n"),
        doc("a", 1, "2024-01-01"),
        file(
            "a/revisions.txt",
            "# newest first\neffective: 2023-05-01\nsummary: Second.\nlink: https://example.com/2\n\neffective: 2022-05-01\nsummary: First.\nmaterial: true\n",
        ),
    ];
    let v = compile(&files).unwrap();
    let loaded = bundle::load_value(&v);
    let archived = &loaded.bundle.documents[0].archived;
    assert_eq!(archived.len(), 2);
    assert_eq!(archived[0].summary, "First.");
    assert_eq!(archived[1].link.as_deref(), Some("https://example.com/2"));
}

#[test]
fn revisions_txt_problems_name_the_file_and_line() {
    let e = errors_of(&[
        file("bundle.txt", "documents: a\n"),
        doc("a", 1, "2024-01-01"),
        file(
            "a/revisions.txt",
            "effective: 2023-05-01\nsummary: Fine.\n\neffective: 2023-02-30\nsummary: Bad day.\n\neffective: 2023-01-01\nsummary: Bad link.\nlink: javascript:alert(1)\n\neffective: 2025-01-01\nsummary: Too late.\n",
        ),
        file("ghost/revisions.txt", "effective: 2020-01-01\nsummary: x\n"),
    ]);
    let joined = e.join("\n");
    assert!(
        joined.contains("ghost/revisions.txt: There are archived revisions but no version"),
        "{joined}"
    );
    assert!(
        joined.contains(
            "a/revisions.txt:4: The date \"2023-02-30\" of this archived revision does not exist"
        ),
        "{joined}"
    );
    assert!(
        joined.contains("a/revisions.txt:9: The link \"javascript:alert(1)\" is not a web address"),
        "{joined}"
    );
    assert!(
        joined.contains("a/revisions.txt:11: The archived revision of 2025-01-01 is not earlier than version \"1\""),
        "{joined}"
    );
    let e = errors_of(&[
        file("bundle.txt", "documents: a\n"),
        doc("a", 1, "2024-01-01"),
        file("a/revisions.txt", "effective: 2023-05-01\ncolour: red\n"),
    ]);
    assert!(
        e[0].starts_with("a/revisions.txt:2: Unknown key \"colour\""),
        "{e:?}"
    );
}

/// A translation file: `doc` moved to `<id>/<lang>/`, its title and body in `lang`.
fn translated(id: &str, lang: &str, v: u32, date: &str) -> SourceFile {
    let mut f = doc(id, v, date);
    f.path = format!("{id}/{lang}/v{v}.md");
    f.text = f
        .text
        .replace(&format!("title: T {id}"), &format!("title: T {id} {lang}"))
        .replace("Body", &format!("Body ({lang})"));
    f
}

#[test]
fn translations_follow_their_document_in_order_of_language() {
    let files = vec![
        file("bundle.txt", "platform: Demo\nlang: en\ndocuments: b, a\n"),
        doc("a", 1, "2024-01-01"),
        doc("a", 2, "2024-06-01"),
        translated("a", "pt-BR", 2, "2024-06-01"),
        translated("a", "es", 1, "2024-01-01"),
        translated("a", "es", 2, "2024-06-01"),
        doc("b", 1, "2024-01-01"),
    ];
    let v = compile(&files).unwrap();
    assert_eq!(v["lang"], "en");
    let docs = v["documents"].as_array().unwrap();
    let described: Vec<(String, Option<&str>, usize)> = docs
        .iter()
        .map(|d| {
            (
                d["id"].as_str().unwrap().to_string(),
                d["lang"].as_str(),
                d["versions"].as_array().unwrap().len(),
            )
        })
        .collect();
    assert_eq!(
        described,
        [
            ("b".into(), None, 1),
            ("a".into(), None, 2),
            ("a".into(), Some("es"), 2),
            ("a".into(), Some("pt-BR"), 1),
        ]
    );
    assert_eq!(docs[2]["title"], "T a es");
    assert_eq!(docs[3]["versions"][0]["body"], "\nBody (pt-BR) 2.\n");
    let loaded = bundle::load_value(&v);
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    assert_eq!(loaded.bundle.languages("a"), ["en", "es", "pt-BR"]);
    // Without "lang:" the bundle says nothing, which means English.
    let mut plain = files.clone();
    plain[0].text = "documents: b, a\n".into();
    assert!(compile(&plain).unwrap().get("lang").is_none());
}

#[test]
fn translation_problems_name_their_file() {
    let mut immaterial = translated("a", "es", 1, "2024-01-01");
    immaterial.text = immaterial.text.replace("material: true", "material: false");
    let e = errors_of(&[
        file("bundle.txt", "documents: a, b\nlang: en_GB\n"),
        doc("a", 1, "2024-01-01"),
        immaterial,
        translated("a", "es", 2, "2024-06-01"),
        translated("a", "Spanish!", 1, "2024-01-01"),
        file("a/es/x/v1.md", "x"),
        file("a/es/revisions.txt", "effective: 2020-01-01\nsummary: x\n"),
        translated("b", "es", 1, "2024-01-01"),
    ]);
    let joined = e.join("\n");
    assert!(
        joined.contains("bundle.txt: The language \"en_GB\" is not a BCP 47 language tag"),
        "{joined}"
    );
    assert!(
        joined.contains("a/es/v1.md: This translation says \"material\": false, but version \"1\" of the primary document (in \"en\") says true"),
        "{joined}"
    );
    assert!(
        joined
            .contains("a/es/v2.md: This translation has a version \"2\", but the primary document"),
        "{joined}"
    );
    assert!(
        joined
            .contains("a/Spanish!/v1.md: A translation goes in a folder named after its language"),
        "{joined}"
    );
    assert!(
        joined.contains("a/es/x/v1.md: A translation goes in a folder"),
        "{joined}"
    );
    assert!(
        joined.contains("a/es/revisions.txt: Archived revisions are not translated"),
        "{joined}"
    );
    assert!(
        joined.contains("b/es/v1.md: There is a translation (es) but no version in the bundle's language: add b/v1.md"),
        "{joined}"
    );
    assert!(!joined.contains("\"b\" is listed"), "{joined}");
}

#[test]
fn compiled_default_content_is_clean() {
    // The real content/ folder must compile without a single problem.
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
    let files = crate::content_dir::read_content_dir(&root).unwrap();
    let value = compile(&files).unwrap_or_else(|e| {
        panic!(
            "content/ has problems:\n{}",
            e.iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("\n")
        )
    });
    let loaded = bundle::load_value(&value);
    assert!(loaded.problems.is_empty());
    assert!(loaded.bundle.documents.len() >= 7);
}
