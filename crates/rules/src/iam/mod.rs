//! IAM semantics over the Terraform model.

pub mod access;
pub mod boundary;
pub mod effective;
pub mod grants;
pub mod partial;
pub mod policy;
pub mod trust;
pub mod view;

pub use view::{Boundary, IamView, Policy, PolicyKind, Principal, PrincipalKind};
