//! Wheel file names per the binary distribution format spec, spelled as
//! wheel 0.43's `bdist_wheel` spells them.
//!
//! wheel 0.43 does not apply PEP 503 normalization to the name: it runs
//! `safer_name` (runs of `[^A-Za-z0-9.]` become `_`), so case and dots are
//! kept (`zope.interface-5.4.0-py3-none-any.whl`, `Fast_Thing-2.0-...`).
//! The version goes through `safer_version`: `str(Version(v))` when it is
//! PEP 440, else spaces become dots and other unsafe runs `_`.

use std::fmt;
use std::sync::LazyLock;

use regex::Regex;

use crate::model::version::pep440_normalize;
use crate::model::Model;

/// What is wrong with a part of a wheel file name.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WheelFilenameError {
    /// wheel 0.43: "Build tag (build-number) must start with a digit."
    #[error("Build tag `{0}` must start with a digit")]
    InvalidBuildTag(String),
    /// An empty tag component or one containing `-`.
    #[error("Invalid wheel tag component `{0}`: it must be non-empty and contain no `-`")]
    InvalidTag(String),
}

/// A wheel's compatibility tag in its compressed form (`py2.py3-none-any`).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct WheelTag {
    /// Python tags joined with `.` (`py3`, `py2.py3`, `cp311`).
    pub python: String,
    /// ABI tags joined with `.` (`none`, `cp311`, `abi3`).
    pub abi: String,
    /// Platform tags joined with `.` (`any`, `linux_x86_64`).
    pub platform: String,
}

impl WheelTag {
    /// `py3-none-any`: a pure wheel.
    pub fn pure() -> Self {
        Self::new("py3", "none", "any").expect("valid tag")
    }

    /// `py2.py3-none-any`: a pure wheel when the project asks for universal
    /// wheels (`[bdist_wheel] universal = 1`).
    pub fn universal() -> Self {
        Self::new("py2.py3", "none", "any").expect("valid tag")
    }

    /// The pure tag the model asks for: universal or not.
    pub fn pure_for(model: &Model) -> Self {
        if model.is_universal() {
            Self::universal()
        } else {
            Self::pure()
        }
    }

    /// `cpXY-cpXY-PLATFORM` for a CPython extension build; the platform is
    /// normalized as `bdist_wheel.get_tag` does (`linux-x86_64` becomes
    /// `linux_x86_64`).
    pub fn cpython(major: u32, minor: u32, platform: &str) -> Self {
        let python = format!("cp{major}{minor}");
        Self {
            abi: python.clone(),
            python,
            platform: normalize_platform(platform),
        }
    }

    /// A tag from its three compressed components.
    pub fn new(python: &str, abi: &str, platform: &str) -> Result<Self, WheelFilenameError> {
        for component in [python, abi, platform] {
            let valid = component
                .split('.')
                .all(|tag| !tag.is_empty() && !tag.contains('-') && !tag.contains(' '));
            if !valid {
                return Err(WheelFilenameError::InvalidTag(component.to_string()));
            }
        }
        Ok(Self {
            python: python.to_string(),
            abi: abi.to_string(),
            platform: platform.to_string(),
        })
    }

    /// Whether this is a pure-Python tag (platform `any`): the WHEEL file's
    /// `Root-Is-Purelib` follows the build, not the tag, but this is the
    /// usual pairing.
    pub fn is_pure(&self) -> bool {
        self.abi == "none" && self.platform == "any"
    }

    /// The expanded tags in the order `bdist_wheel.write_wheelfile` writes
    /// them as `Tag:` lines: python, then ABI, then platform, each in the
    /// order given.
    pub fn expand(&self) -> Vec<String> {
        let mut tags = Vec::new();
        for python in self.python.split('.') {
            for abi in self.abi.split('.') {
                for platform in self.platform.split('.') {
                    tags.push(format!("{python}-{abi}-{platform}"));
                }
            }
        }
        tags
    }
}

impl fmt::Display for WheelTag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{}-{}", self.python, self.abi, self.platform)
    }
}

/// The interpreter a non-pure wheel is built for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TagTarget {
    /// CPython `(major, minor)`.
    pub python_version: (u32, u32),
    /// The platform as `sysconfig.get_platform()` gives it (`linux-x86_64`).
    pub platform: String,
}

/// `bdist_wheel.get_tag`: the wheel's tag from `[bdist_wheel]` options
/// (`python_tag`, `plat_name`, `py_limited_api`, `universal`, from
/// setup.cfg or `options=`), whether the build is pure, and the target.
///
/// Pure: `python_tag` (default `py3`; `py2.py3` when universal) `-none-`
/// the given `plat_name` or `any`. Not pure: `cpXY-cpXY-PLATFORM`, or
/// `PY_LIMITED_API-abi3-PLATFORM` when `py_limited_api` (`cp3\d...`) is set.
pub fn select_tag(
    model: &Model,
    root_is_pure: bool,
    target: &TagTarget,
) -> Result<WheelTag, WheelFilenameError> {
    let option = |name: &str| {
        [name.to_string(), name.replace('_', "-")]
            .iter()
            .find_map(|key| model.command_option("bdist_wheel", key))
            .and_then(|option| match &option.value {
                serde_json::Value::String(text) => Some(text.trim().to_string()),
                serde_json::Value::Null | serde_json::Value::Bool(false) => None,
                other => Some(other.to_string()),
            })
            .filter(|text| !text.is_empty())
    };
    let plat_name = option("plat_name");
    let (major, minor) = target.python_version;
    if root_is_pure {
        let python = if model.is_universal() {
            "py2.py3".to_string()
        } else {
            option("python_tag").unwrap_or_else(|| format!("py{major}"))
        };
        let platform = plat_name.map_or_else(|| "any".to_string(), |p| normalize_platform(&p));
        return WheelTag::new(&python, "none", &platform);
    }
    let platform = normalize_platform(plat_name.as_deref().unwrap_or(&target.platform));
    match option("py_limited_api") {
        Some(limited) if major == 3 => {
            let valid = limited.len() >= 3
                && limited.starts_with("cp3")
                && limited.as_bytes()[3..]
                    .first()
                    .is_some_and(u8::is_ascii_digit);
            if !valid {
                return Err(WheelFilenameError::InvalidTag(limited));
            }
            WheelTag::new(&limited, "abi3", &platform)
        }
        _ => Ok(WheelTag::cpython(major, minor, &platform)),
    }
}

/// `bdist_wheel.get_tag`'s platform normalization.
pub fn normalize_platform(platform: &str) -> String {
    platform.to_lowercase().replace(['-', '.', ' '], "_")
}

/// `NAME-VERSION[-BUILD]-PY-ABI-PLATFORM.whl`, name and version escaped.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct WheelFilename {
    /// The escaped name (`safer_name`).
    pub name: String,
    /// The escaped version (`safer_version`).
    pub version: String,
    /// The optional build tag (`--build-number`), starting with a digit.
    pub build: Option<String>,
    pub tag: WheelTag,
}

impl WheelFilename {
    /// The file name for a distribution `name` and `version` as given to
    /// `setup()`; both are escaped here.
    pub fn new(
        name: &str,
        version: &str,
        build: Option<&str>,
        tag: WheelTag,
    ) -> Result<Self, WheelFilenameError> {
        if let Some(build) = build {
            if !build.starts_with(|c: char| c.is_ascii_digit()) {
                return Err(WheelFilenameError::InvalidBuildTag(build.to_string()));
            }
        }
        Ok(Self {
            name: escape_name(name),
            version: escape_version(version),
            build: build.map(str::to_string),
            tag,
        })
    }

    /// A file name from an already escaped name and version (as in
    /// another `WheelFilename`), with a build tag checked as `new` does.
    pub fn new_escaped(
        name: &str,
        version: &str,
        build: Option<&str>,
        tag: WheelTag,
    ) -> Result<Self, WheelFilenameError> {
        let mut filename = Self::new("", "", build, tag)?;
        filename.name = name.to_string();
        filename.version = version.to_string();
        Ok(filename)
    }

    /// The file name for the model's name and version (`UNKNOWN` and
    /// `0.0.0` when missing, as setuptools' defaults).
    pub fn from_model(model: &Model, tag: WheelTag) -> Self {
        Self {
            name: escape_name(model.name_or_default()),
            version: escape_version(model.version_or_default()),
            build: None,
            tag,
        }
    }

    /// `NAME-VERSION`, the stem shared by the dist-info and data directories.
    pub fn name_version(&self) -> String {
        format!("{}-{}", self.name, self.version)
    }

    /// `NAME-VERSION.dist-info`.
    pub fn dist_info_dir(&self) -> String {
        format!("{}.dist-info", self.name_version())
    }

    /// `NAME-VERSION.data`.
    pub fn data_dir(&self) -> String {
        format!("{}.data", self.name_version())
    }

    /// `NAME-VERSION.dist-info/RECORD`.
    pub fn record_path(&self) -> String {
        format!("{}/RECORD", self.dist_info_dir())
    }
}

impl fmt::Display for WheelFilename {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{}", self.name, self.version)?;
        if let Some(build) = &self.build {
            write!(f, "-{build}")?;
        }
        write!(f, "-{}.whl", self.tag)
    }
}

static UNSAFE_RUN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[^A-Za-z0-9.]+").expect("valid regex"));

/// wheel 0.43's `safer_name`: runs of characters other than ASCII letters,
/// digits and `.` become one `_`.
pub fn escape_name(name: &str) -> String {
    UNSAFE_RUN.replace_all(name, "_").into_owned()
}

/// wheel 0.43's `safer_version`: the PEP 440 normal form when the version
/// is valid (only `-` can remain to escape, and it cannot), else spaces
/// become `.` and runs of other unsafe characters `_`.
pub fn escape_version(version: &str) -> String {
    match pep440_normalize(version) {
        Some(normal) => normal.replace('-', "_"),
        None => UNSAFE_RUN
            .replace_all(&version.replace(' ', "."), "_")
            .into_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Expected values from wheel 0.43.0's `safer_name` / `safer_version`
    /// on CPython 3.11.
    #[test]
    fn escapes_names_like_wheel() {
        for (given, expected) in [
            ("zope.interface", "zope.interface"),
            ("demo-pkg", "demo_pkg"),
            ("My__Weird  Name!", "My_Weird_Name_"),
            ("a..b", "a..b"),
            ("_x_", "_x_"),
            ("Foo.Bar-baz_qux", "Foo.Bar_baz_qux"),
            ("ñame", "_ame"),
            ("a-_-b", "a_b"),
            ("Fast_Thing", "Fast_Thing"),
        ] {
            assert_eq!(escape_name(given), expected, "{given:?}");
        }
    }

    #[test]
    fn escapes_versions_like_wheel() {
        for (given, expected) in [
            ("1.0", "1.0"),
            ("01.0-RC1", "1.0rc1"),
            ("1.0.post1", "1.0.post1"),
            ("2.0.0.post1", "2.0.0.post1"),
            ("1.0+local-1", "1.0+local.1"),
            ("1.0 beta 2", "1.0.beta.2"),
            ("1.0-dev_foo!", "1.0_dev_foo_"),
            ("v1.0", "1.0"),
            ("1.0a1.dev3", "1.0a1.dev3"),
            ("1!2.0", "1!2.0"),
        ] {
            assert_eq!(escape_version(given), expected, "{given:?}");
        }
    }

    /// File names of wheels built by setuptools 69.5.1 + wheel 0.43.0.
    #[test]
    fn file_names_match_real_wheels() {
        let cases = [
            (
                "demo-pkg",
                "1.0",
                WheelTag::universal(),
                "demo_pkg-1.0-py2.py3-none-any.whl",
            ),
            (
                "zope.interface",
                "5.4.0",
                WheelTag::pure(),
                "zope.interface-5.4.0-py3-none-any.whl",
            ),
            (
                "Fast_Thing",
                "2.0.0.post1",
                WheelTag::cpython(3, 11, "linux-x86_64"),
                "Fast_Thing-2.0.0.post1-cp311-cp311-linux_x86_64.whl",
            ),
            (
                "nothing",
                "0.1",
                WheelTag::pure(),
                "nothing-0.1-py3-none-any.whl",
            ),
        ];
        for (name, version, tag, expected) in cases {
            let filename = WheelFilename::new(name, version, None, tag).unwrap();
            assert_eq!(filename.to_string(), expected);
        }
        let filename = WheelFilename::new("demo-pkg", "1.0", None, WheelTag::pure()).unwrap();
        assert_eq!(filename.dist_info_dir(), "demo_pkg-1.0.dist-info");
        assert_eq!(filename.data_dir(), "demo_pkg-1.0.data");
        assert_eq!(filename.record_path(), "demo_pkg-1.0.dist-info/RECORD");
    }

    #[test]
    fn build_tag() {
        let filename = WheelFilename::new("a", "1.0", Some("7abc"), WheelTag::pure()).unwrap();
        assert_eq!(filename.to_string(), "a-1.0-7abc-py3-none-any.whl");
        assert_eq!(
            WheelFilename::new("a", "1.0", Some("x1"), WheelTag::pure()),
            Err(WheelFilenameError::InvalidBuildTag("x1".into()))
        );
    }

    #[test]
    fn tags_expand_in_wheel_order() {
        assert_eq!(
            WheelTag::universal().expand(),
            ["py2-none-any", "py3-none-any"]
        );
        let tag = WheelTag::new("cp311.cp312", "abi3", "manylinux1_x86_64.linux_x86_64").unwrap();
        assert_eq!(
            tag.expand(),
            [
                "cp311-abi3-manylinux1_x86_64",
                "cp311-abi3-linux_x86_64",
                "cp312-abi3-manylinux1_x86_64",
                "cp312-abi3-linux_x86_64",
            ]
        );
        assert!(WheelTag::new("py3", "no-ne", "any").is_err());
        assert!(WheelTag::new("py3.", "none", "any").is_err());
        assert!(WheelTag::pure().is_pure());
        assert!(!WheelTag::cpython(3, 11, "linux_x86_64").is_pure());
    }

    #[test]
    fn from_model_defaults() {
        let model = Model::default();
        let filename = WheelFilename::from_model(&model, WheelTag::pure());
        assert_eq!(filename.to_string(), "UNKNOWN-0.0.0-py3-none-any.whl");
    }

    #[test]
    fn selects_tags_like_bdist_wheel() {
        use crate::model::Source;
        let target = TagTarget {
            python_version: (3, 11),
            platform: "linux-x86_64".into(),
        };
        let option = |model: &mut Model, name: &str, value: &str| {
            model.set_command_option(
                "bdist_wheel",
                name,
                serde_json::Value::String(value.into()),
                Source::Default,
            )
        };
        let tag = |model: &Model, pure| select_tag(model, pure, &target).unwrap().to_string();

        let mut model = Model::default();
        assert_eq!(tag(&model, true), "py3-none-any");
        assert_eq!(tag(&model, false), "cp311-cp311-linux_x86_64");
        option(&mut model, "python-tag", "py38");
        assert_eq!(tag(&model, true), "py38-none-any");
        option(&mut model, "universal", "1");
        assert_eq!(tag(&model, true), "py2.py3-none-any");
        option(&mut model, "plat_name", "manylinux2014-x86_64");
        assert_eq!(tag(&model, true), "py2.py3-none-manylinux2014_x86_64");
        assert_eq!(tag(&model, false), "cp311-cp311-manylinux2014_x86_64");
        option(&mut model, "py_limited_api", "cp38");
        assert_eq!(tag(&model, false), "cp38-abi3-manylinux2014_x86_64");
        option(&mut model, "py_limited_api", "py38");
        assert!(select_tag(&model, false, &target).is_err());
    }
}
