//! Frontends fill the [`Model`](crate::model::Model): `setup.cfg` and
//! `pyproject.toml` are read declaratively, `setup.py` is evaluated by the
//! interpreter; they merge with setuptools' precedence.

pub mod keywords;
pub mod pyproject;
pub mod setup_cfg;
pub mod setup_py;
