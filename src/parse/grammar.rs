//! The pest parser generated from `grammar/stride.pest`.

#[derive(pest_derive::Parser)]
#[grammar = "../grammar/stride.pest"]
pub struct StrideParser;
