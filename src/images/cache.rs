//! The image cache (`.impact/cache/images/` of the site), as Hugo keeps
//! `resources/_gen`: what was made from an image's bytes, under a hash of
//! those bytes and the settings. An entry is a folder holding the
//! renditions and a `manifest.json` that lists them; it is written
//! beside its place and renamed into it, so a build stopped half way
//! leaves no half entry. Anything wrong with an entry (removed files, a
//! manifest that does not read) makes the image again; a cache that
//! cannot be written only costs time.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use sha2::{Digest, Sha256};

use super::{Format, Photo, Rendition, SETTINGS};

/// Where the cache is, under the site root.
pub const DIR: &str = ".impact/cache/images";

/// The image cache of a build.
#[derive(Debug, Clone)]
pub struct Cache {
    /// The cache folder; `None`: no cache.
    dir: Option<PathBuf>,
    /// Whether new entries are written (not by `impact check`).
    write: bool,
}

#[derive(serde::Serialize, serde::Deserialize)]
struct Manifest {
    width: u32,
    height: u32,
    renditions: Vec<Entry>,
    webp: Vec<Entry>,
}

#[derive(serde::Serialize, serde::Deserialize)]
struct Entry {
    width: u32,
    height: u32,
    format: Format,
    file: String,
}

impl Cache {
    /// The cache of the site at `root`; `write` false only reads it.
    pub fn of_site(root: &Path, write: bool) -> Cache {
        Cache {
            dir: Some(root.join(DIR)),
            write,
        }
    }

    /// No cache at all (every image is made).
    pub fn none() -> Cache {
        Cache {
            dir: None,
            write: false,
        }
    }

    /// What was made from the bytes of `key`, when it is all there.
    pub fn get(&self, key: &str) -> Option<Photo> {
        let entry = self.dir.as_ref()?.join(key);
        let manifest: Manifest =
            serde_json::from_slice(&fs::read(entry.join("manifest.json")).ok()?).ok()?;
        let read = |entries: &[Entry]| -> Option<Vec<Rendition>> {
            entries
                .iter()
                .map(|e| {
                    // Only plain names written by `put`.
                    if e.file.contains(['/', '\\']) || e.file.starts_with('.') {
                        return None;
                    }
                    Some(Rendition {
                        width: e.width,
                        height: e.height,
                        format: e.format,
                        bytes: Arc::new(fs::read(entry.join(&e.file)).ok()?),
                        path: String::new(),
                    })
                })
                .collect()
        };
        let renditions = read(&manifest.renditions)?;
        if renditions.is_empty() {
            return None;
        }
        Some(Photo {
            width: manifest.width,
            height: manifest.height,
            renditions,
            webp: read(&manifest.webp)?,
        })
    }

    /// Keeps `photo` under `key` (when this cache writes); failures are
    /// ignored: the next build makes the image again.
    pub fn put(&self, key: &str, photo: &Photo) {
        let (Some(dir), true) = (&self.dir, self.write) else {
            return;
        };
        let _ = put(dir, key, photo);
    }
}

fn put(dir: &Path, key: &str, photo: &Photo) -> std::io::Result<()> {
    let place = dir.join(key);
    fs::create_dir_all(dir)?;
    let staging = tempfile::Builder::new().prefix(".new-").tempdir_in(dir)?;
    let write = |list: &[Rendition], prefix: &str| -> std::io::Result<Vec<Entry>> {
        list.iter()
            .map(|r| {
                let file = format!("{prefix}{}.{}", r.width, r.format.extension());
                fs::write(staging.path().join(&file), r.bytes.as_slice())?;
                Ok(Entry {
                    width: r.width,
                    height: r.height,
                    format: r.format,
                    file,
                })
            })
            .collect()
    };
    let manifest = Manifest {
        width: photo.width,
        height: photo.height,
        renditions: write(&photo.renditions, "")?,
        webp: write(&photo.webp, "webp-")?,
    };
    let json = serde_json::to_vec(&manifest).map_err(std::io::Error::other)?;
    fs::write(staging.path().join("manifest.json"), json)?;
    let staged = staging.keep();
    if fs::rename(&staged, &place).is_err() {
        // Another build put it there first, or an old broken entry is in
        // the way: replace that.
        let _ = fs::remove_dir_all(&place);
        if fs::rename(&staged, &place).is_err() {
            let _ = fs::remove_dir_all(&staged);
        }
    }
    Ok(())
}

/// The cache key of an image's bytes under the current settings.
pub fn key(bytes: &[u8]) -> String {
    let mut hash = Sha256::new();
    hash.update(SETTINGS.as_bytes());
    hash.update([0]);
    hash.update(bytes);
    hash.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

/// Empties the cache of the site at `root` (`impact clean`); returns
/// whether there was one.
pub fn clean(root: &Path) -> std::io::Result<bool> {
    let cache = root.join(".impact/cache");
    match fs::remove_dir_all(&cache) {
        Ok(()) => Ok(true),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(false),
        Err(e) => Err(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_entry_comes_back_as_it_was_put_and_a_broken_one_is_a_miss() {
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::of_site(dir.path(), true);
        let photo = Photo {
            width: 2000,
            height: 1000,
            renditions: vec![Rendition {
                width: 480,
                height: 240,
                format: Format::Jpeg,
                bytes: Arc::new(b"jpeg bytes".to_vec()),
                path: String::new(),
            }],
            webp: Vec::new(),
        };
        let k = key(b"source");
        assert!(cache.get(&k).is_none());
        cache.put(&k, &photo);
        let back = cache.get(&k).unwrap();
        assert_eq!((back.width, back.height), (2000, 1000));
        assert_eq!(back.renditions[0].bytes.as_slice(), b"jpeg bytes");
        fs::remove_file(dir.path().join(DIR).join(&k).join("480.jpg")).unwrap();
        assert!(cache.get(&k).is_none(), "a removed file is a miss");
        let read_only = Cache::of_site(dir.path(), false);
        read_only.put(&key(b"other"), &photo);
        assert!(!dir.path().join(DIR).join(key(b"other")).exists());
        assert!(clean(dir.path()).unwrap());
        assert!(!dir.path().join(".impact/cache").exists());
    }
}
