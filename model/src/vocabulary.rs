//! Closed vocabularies of the contract (OS, ownership, job status, reasons...) and typed ids.
//!
//! Every vocabulary is declared through the crate-internal `vocabulary!` macro, so each variant has exactly one wire
//! name (used in JSON and in query strings alike) and a label in both languages written next to
//! it, where neither can be forgotten.

/// A wire name that is not part of a vocabulary (for example `os=symbian` in a query string).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{value}` is not a valid {vocabulary}")]
pub struct UnknownValue {
    /// The vocabulary's type name, for diagnostics.
    pub vocabulary: &'static str,
    /// The value that was given.
    pub value: String,
}

/// Declares a closed vocabulary: the enum, its stable wire names (serde and query strings),
/// `ALL`, `as_str`, `FromStr`, `Display` (the wire name) and `label(Lang)`.
macro_rules! vocabulary {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $wire:literal, ja: $ja:literal, en: $en:literal; )*
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
        pub enum $name {
            $( $(#[$vmeta])* #[serde(rename = $wire)] $variant, )*
        }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),*];

            /// The stable wire name, as used in JSON bodies and query strings.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $wire,)* }
            }

            /// The label shown to an administrator.
            pub fn label(self, lang: $crate::Lang) -> &'static str {
                match (self, lang) {
                    $(($name::$variant, $crate::Lang::Ja) => $ja, ($name::$variant, $crate::Lang::En) => $en,)*
                }
            }
        }

        impl std::str::FromStr for $name {
            type Err = $crate::vocabulary::UnknownValue;

            fn from_str(value: &str) -> Result<Self, Self::Err> {
                match value {
                    $($wire => Ok($name::$variant),)*
                    _ => Err($crate::vocabulary::UnknownValue {
                        vocabulary: stringify!($name),
                        value: value.to_string(),
                    }),
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

/// Declares a typed id: a transparent `i64` newtype that serializes as a bare number and parses
/// from a path or query segment, so a device id can never be passed where a job id is expected.
macro_rules! id_type {
    ($(#[$meta:meta])* $name:ident) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub i64);

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                write!(f, "{}", self.0)
            }
        }

        impl std::str::FromStr for $name {
            type Err = std::num::ParseIntError;

            fn from_str(value: &str) -> Result<Self, Self::Err> {
                value.trim().parse::<i64>().map($name)
            }
        }
    };
}

pub(crate) use id_type;
pub(crate) use vocabulary;
