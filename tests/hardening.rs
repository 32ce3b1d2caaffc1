//! Regressions of the security probe (issue 23): what a person with only
//! the content folder and the command line could make the tool do. Each
//! test is named for the defect it pins and runs the real binary.

mod common;

use std::fs;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use common::*;

/// Runs `impact build` with `args`, killed after a minute (a hang is a
/// failure, not a wait).
fn impact_build(args: &[&std::ffi::OsStr]) -> Output {
    let child = Command::new(env!("CARGO_BIN_EXE_impact"))
        .env("NO_COLOR", "1")
        .arg("build")
        .args(args)
        .arg("--no-pdf")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let done = Arc::new(AtomicBool::new(false));
    let watchdog = {
        let (done, pid) = (done.clone(), child.id());
        std::thread::spawn(move || {
            let started = Instant::now();
            while !done.load(Ordering::SeqCst) {
                if started.elapsed() > Duration::from_secs(60) {
                    kill(pid);
                    return true;
                }
                std::thread::sleep(Duration::from_millis(50));
            }
            false
        })
    };
    // Read while it runs: a long message must not fill the pipe and stall it.
    let output = child.wait_with_output().unwrap();
    done.store(true, Ordering::SeqCst);
    assert!(!watchdog.join().unwrap(), "the build hung");
    output
}

#[cfg(target_os = "linux")]
fn kill(pid: u32) {
    // SAFETY: a plain system call on a process id; touches no memory.
    unsafe { libc::kill(pid as i32, libc::SIGKILL) };
}

#[cfg(not(target_os = "linux"))]
fn kill(_pid: u32) {}

fn build_into(root: &Path, out: &Path) -> Output {
    impact_build(&[
        "--root".as_ref(),
        root.as_os_str(),
        "--out".as_ref(),
        out.as_os_str(),
    ])
}

/// Every file under `dir` with its bytes.
fn tree(dir: &Path) -> Vec<(String, Vec<u8>)> {
    files_under(dir)
        .into_iter()
        .map(|f| {
            let bytes = fs::read(dir.join(&f)).unwrap();
            (f, bytes)
        })
        .collect()
}

/// Someone's folder beside the site, with their files.
fn victim_beside(site: &Path) -> std::path::PathBuf {
    let victim = site.join("../victim");
    fs::create_dir_all(victim.join("drafts")).unwrap();
    fs::write(victim.join("thesis.txt"), "precious").unwrap();
    fs::write(victim.join("drafts/one.txt"), "draft").unwrap();
    victim.canonicalize().unwrap()
}

/// `--out site/missing/../../victim` passed every check (the path was made
/// absolute without resolving `..`, and `missing` did not exist), and the
/// build replaced `victim/`.
#[test]
fn out_with_dotdot_through_a_missing_folder_deletes_nothing() {
    let parent = tempfile::tempdir().unwrap();
    let site = parent.path().join("site");
    copy_dir(fixture_site("partner-site").path(), &site);
    let victim = victim_beside(&site);
    let before = tree(&victim);
    let run = build_into(&site, &site.join("missing/../../victim"));
    assert_eq!(run.status.code(), Some(1), "{}", stderr(&run));
    assert!(stderr(&run).contains("--out"), "{}", stderr(&run));
    assert_eq!(tree(&victim), before, "the folder was changed");
}

/// `--out missing/../content` inside a site replaced `content/` itself.
#[test]
fn out_with_dotdot_into_the_content_folder_is_refused() {
    let site = fixture_site("partner-site");
    let content = site.path().join("content");
    let before = tree(&content);
    let run = build_into(site.path(), &site.path().join("missing/../content"));
    assert_eq!(run.status.code(), Some(1), "{}", stderr(&run));
    assert!(stderr(&run).contains("sources"), "{}", stderr(&run));
    assert_eq!(tree(&content), before);
}

/// A folder holding `sitemap.xml` and `404.html` counted as built by
/// impact: a static site with those two files plus `blog/` and `CNAME` was
/// replaced, and `blog/` and `CNAME` deleted.
#[test]
fn a_static_site_with_a_sitemap_and_a_404_page_is_not_replaced() {
    let site = fixture_site("partner-site");
    let www = site.path().join("www");
    fs::create_dir_all(www.join("blog")).unwrap();
    for (file, text) in [
        ("sitemap.xml", "<urlset/>"),
        ("404.html", "not found"),
        ("CNAME", "example.org"),
        ("blog/index.html", "my blog"),
    ] {
        fs::write(www.join(file), text).unwrap();
    }
    let before = tree(&www);
    let run = build_into(site.path(), &www);
    assert_eq!(run.status.code(), Some(1), "{}", stderr(&run));
    assert!(
        stderr(&run).contains("choose a new or empty folder with --out"),
        "{}",
        stderr(&run)
    );
    assert_eq!(tree(&www), before);

    // A build's own output carries the marker and is replaced next time.
    let out = site.path().join("output");
    let first = build_into(site.path(), &out);
    assert_eq!(first.status.code(), Some(0), "{}", stderr(&first));
    assert!(out.join(".impact-output").is_file());
    let second = build_into(site.path(), &out);
    assert_eq!(second.status.code(), Some(0), "{}", stderr(&second));
}

/// A media file that is a link to another file inside the site root was
/// copied: `env.png -> ../../../.env` and `gitcfg.svg -> ../../../.git/config`
/// were published verbatim under `assets/media/`, linked from nowhere.
#[cfg(unix)]
#[test]
fn a_media_file_linked_to_a_secret_is_not_published() {
    let site = fixture_site("partner-site");
    let root = site.path();
    fs::write(root.join(".env"), "API_TOKEN=secret-token-1234").unwrap();
    fs::create_dir_all(root.join(".git")).unwrap();
    fs::write(root.join(".git/config"), "[remote] url = secret-remote").unwrap();
    let campaign = root.join("content/campaigns/winter-shelter");
    std::os::unix::fs::symlink("../../../.env", campaign.join("env.png")).unwrap();
    std::os::unix::fs::symlink("../../../.git/config", campaign.join("gitcfg.svg")).unwrap();

    let run = build_into(root, &root.join("output"));
    let err = stderr(&run);
    assert_eq!(run.status.code(), Some(1), "{err}");
    for name in ["env.png", "gitcfg.svg"] {
        assert!(
            err.lines()
                .any(|l| l.contains(name) && l.contains("is a link to another file")),
            "{name} not named:\n{err}"
        );
    }
    assert!(err.contains("copy the file here instead"), "{err}");
    let output = root.join("output");
    if output.exists() {
        for (file, bytes) in tree(&output) {
            let text = String::from_utf8_lossy(&bytes);
            assert!(
                !text.contains("secret-token") && !text.contains("secret-remote"),
                "{file} holds the secret"
            );
        }
    }
}

/// A folder linked into the content (here `content/reports`, a link to a
/// hidden folder of the site) does not publish what is in it: each file's
/// real place is checked, not only its path.
#[cfg(unix)]
#[test]
fn a_file_reached_through_a_hidden_folder_is_refused() {
    let site = fixture_site("partner-site");
    let root = site.path();
    let real = root.join(".private/reports");
    fs::create_dir_all(root.join(".private")).unwrap();
    fs::rename(root.join("content/reports"), &real).unwrap();
    fs::write(real.join("annual-2021/passport.png"), "secret-scan").unwrap();
    std::os::unix::fs::symlink("../.private/reports", root.join("content/reports")).unwrap();
    let run = build_into(root, &root.join("output"));
    assert_eq!(run.status.code(), Some(1), "{}", stderr(&run));
    assert!(
        stderr(&run).contains("content/reports/annual-2021/passport.png is in a hidden folder"),
        "{}",
        stderr(&run)
    );
    assert!(!root.join("output").exists());
}

/// A FIFO named `x.md`, `x.png` or `x.ftl` hung the build: reading a pipe
/// waits until something writes to it.
#[cfg(target_os = "linux")]
#[test]
fn a_pipe_named_like_a_content_file_does_not_hang_the_build() {
    let site = fixture_site("partner-site");
    let root = site.path();
    let pipes = [
        "content/campaigns/winter-shelter/x.png",
        "content/campaigns/winter-shelter/story.en.md",
        "locales/en/x.ftl",
    ];
    for pipe in pipes {
        let _ = fs::remove_file(root.join(pipe));
        let path =
            std::ffi::CString::new(root.join(pipe).into_os_string().into_encoded_bytes()).unwrap();
        // SAFETY: a valid NUL-terminated path; mkfifo touches no memory of ours.
        assert_eq!(unsafe { libc::mkfifo(path.as_ptr(), 0o644) }, 0);
    }
    let run = build_into(root, &root.join("output"));
    let err = stderr(&run);
    assert_eq!(run.status.code(), Some(1), "{err}");
    for pipe in pipes {
        assert!(
            err.lines()
                .any(|l| l.contains(pipe) && l.contains("is not an ordinary file")),
            "{pipe} not named:\n{err}"
        );
    }
}

/// An SVG image with `<script>` was copied byte for byte and ran when
/// opened (under `impact serve` it could read `/__impact/status`).
#[test]
fn an_svg_image_with_a_script_is_refused() {
    let site = fixture_site("partner-site");
    let root = site.path();
    let campaign = root.join("content/campaigns/winter-shelter");
    fs::write(
        campaign.join("map.svg"),
        "<svg xmlns=\"http://www.w3.org/2000/svg\">\n<script>fetch('/__impact/status')</script>\n</svg>\n",
    )
    .unwrap();
    let story = campaign.join("story.en.md");
    let text = fs::read_to_string(&story).unwrap();
    fs::write(
        &story,
        format!("{text}\n![A map of the shelters](map.svg)\n"),
    )
    .unwrap();
    let run = build_into(root, &root.join("output"));
    let err = stderr(&run);
    assert_eq!(run.status.code(), Some(1), "{err}");
    assert!(
        err.contains("content/campaigns/winter-shelter/map.svg:2:1"),
        "{err}"
    );
    assert!(err.contains("the SVG holds a `<script>` element"), "{err}");
    assert!(!root.join("output").exists());
}

/// Markdown nested about 2 800 deep overflowed the stack: exit 134, no
/// file named.
#[test]
fn markdown_nested_thousands_deep_is_an_error_at_its_line() {
    let site = fixture_site("partner-site");
    let root = site.path();
    let story = root.join("content/campaigns/winter-shelter/story.en.md");
    let text = fs::read_to_string(&story).unwrap();
    let line = text.lines().count() + 2;
    fs::write(&story, format!("{text}\n{} deep\n", ">".repeat(3000))).unwrap();
    let run = build_into(root, &root.join("output"));
    let err = stderr(&run);
    assert_eq!(run.status.code(), Some(1), "{err}");
    assert!(
        err.contains(&format!(
            "content/campaigns/winter-shelter/story.en.md:{line}:"
        )),
        "{err}"
    );
    assert!(err.contains("nested more than 32 levels deep"), "{err}");
}

/// A 2 MB campaign name took the PDF engine past 4 GB of memory.
#[test]
fn a_campaign_name_of_megabytes_is_an_error() {
    let site = fixture_site("partner-site");
    let root = site.path();
    let yaml = root.join("content/campaigns/winter-shelter/campaign.yaml");
    let text = fs::read_to_string(&yaml).unwrap();
    let huge = "Shelter ".repeat(250_000);
    let (before, after) = text.split_once("name:").unwrap();
    let line = before.lines().count() + 1;
    let rest = after.split_once('\n').unwrap().1;
    fs::write(
        &yaml,
        format!("{before}name: {{ en: \"{huge}\", lt: \"Prieglauda\" }}\n{rest}"),
    )
    .unwrap();
    let run = build_into(root, &root.join("output"));
    let err = stderr(&run);
    assert_eq!(
        run.status.code(),
        Some(1),
        "{}",
        &err[..err.len().min(3000)]
    );
    assert!(
        err.contains(&format!(
            "content/campaigns/winter-shelter/campaign.yaml:{line}:"
        )),
        "{}",
        &err[..err.len().min(3000)]
    );
    assert!(err.contains("this text is 2000000 characters long; at most 300 fit here"));
    assert!(err.len() < 100_000, "the message quotes the whole name");
}

/// YAML nested thousands deep is stopped by serde-saphyr's depth budget
/// (64) with an error at its line, never a stack overflow.
#[test]
fn yaml_nested_thousands_deep_is_an_error_at_its_line() {
    let site = fixture_site("partner-site");
    let root = site.path();
    let yaml = root.join("content/campaigns/winter-shelter/campaign.yaml");
    let text = fs::read_to_string(&yaml).unwrap();
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let (before, after) = text.split_once("countries:").unwrap();
    let line = before.lines().count() + 1;
    fs::write(&yaml, format!("{before}countries: {deep}\nx{after}")).unwrap();
    let run = build_into(root, &root.join("output"));
    let err = stderr(&run);
    assert_eq!(run.status.code(), Some(1));
    assert!(
        err.contains(&format!(
            "content/campaigns/winter-shelter/campaign.yaml:{line}:"
        )),
        "{}",
        &err[..err.len().min(3000)]
    );
    assert!(!err.contains("overflow"));
}

/// With `allow_raw_html` on, `<meta http-equiv="refresh">` still
/// redirected readers (the page's policy does not stop it).
#[test]
fn allowed_raw_html_cannot_redirect_or_run_anything() {
    let site = fixture_site("partner-site");
    let root = site.path();
    let config = root.join("content/site.yaml");
    let text = fs::read_to_string(&config).unwrap();
    fs::write(&config, format!("{text}allow_raw_html: true\n")).unwrap();
    let story = root.join("content/campaigns/winter-shelter/story.en.md");
    let text = fs::read_to_string(&story).unwrap();
    fs::write(
        &story,
        format!(
            "{text}\n<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example\">\n\n\
             <div class=\"note\" onmouseover=\"steal()\"><a href=\"javascript:alert(1)\">x</a> kept</div>\n"
        ),
    )
    .unwrap();
    let run = build_into(root, &root.join("output"));
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    let page =
        fs::read_to_string(root.join("output/en/annual-2021/winter-shelter/index.html")).unwrap();
    assert!(
        !page.contains("http-equiv=\"refresh\""),
        "a refresh is published"
    );
    assert!(!page.contains("evil.example"));
    assert!(!page.contains("onmouseover"));
    assert!(!page.contains("javascript:"));
    assert!(page.contains("<div class=\"note\">"), "layout is kept");
    assert!(page.contains("kept</div>"));
}
