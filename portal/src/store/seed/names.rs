//! Word lists the fleet seeder draws from: Japanese names, device models, tags, notes.

use mdm_model::device::MacSecurityChip;

/// Family names: (kanji, romaji).
pub const FAMILY_NAMES: &[(&str, &str)] = &[
    ("佐藤", "sato"),
    ("鈴木", "suzuki"),
    ("高橋", "takahashi"),
    ("田中", "tanaka"),
    ("伊藤", "ito"),
    ("渡辺", "watanabe"),
    ("山本", "yamamoto"),
    ("中村", "nakamura"),
    ("小林", "kobayashi"),
    ("加藤", "kato"),
    ("吉田", "yoshida"),
    ("山田", "yamada"),
    ("佐々木", "sasaki"),
    ("山口", "yamaguchi"),
    ("松本", "matsumoto"),
    ("井上", "inoue"),
    ("木村", "kimura"),
    ("林", "hayashi"),
    ("斎藤", "saito"),
    ("清水", "shimizu"),
    ("山崎", "yamazaki"),
    ("森", "mori"),
    ("池田", "ikeda"),
    ("橋本", "hashimoto"),
    ("阿部", "abe"),
    ("石川", "ishikawa"),
    ("前田", "maeda"),
    ("藤田", "fujita"),
    ("小川", "ogawa"),
    ("岡田", "okada"),
];

/// Given names: (kanji, romaji).
pub const GIVEN_NAMES: &[(&str, &str)] = &[
    ("太郎", "taro"),
    ("花子", "hanako"),
    ("翔太", "shota"),
    ("美咲", "misaki"),
    ("大輔", "daisuke"),
    ("陽菜", "hina"),
    ("健太", "kenta"),
    ("さくら", "sakura"),
    ("拓也", "takuya"),
    ("結衣", "yui"),
    ("直樹", "naoki"),
    ("愛", "ai"),
    ("誠", "makoto"),
    ("葵", "aoi"),
    ("亮", "ryo"),
    ("彩", "aya"),
    ("隆", "takashi"),
    ("真由美", "mayumi"),
    ("悠斗", "yuto"),
    ("千尋", "chihiro"),
];

/// iPhone models with the first iOS major they ship with and whether they have an eSIM.
pub const IPHONE_MODELS: &[(&str, u32, bool)] = &[
    ("iPhone SE (第2世代)", 13, false),
    ("iPhone SE (第3世代)", 15, true),
    ("iPhone 12", 14, true),
    ("iPhone 13", 15, true),
    ("iPhone 14", 16, true),
    ("iPhone 15", 17, true),
    ("iPhone 15 Pro", 17, true),
    ("iPhone 16", 18, true),
];

/// iPad models with the first iPadOS major they ship with and whether they have an eSIM.
pub const IPAD_MODELS: &[(&str, u32, bool)] = &[
    ("iPad (第9世代)", 15, false),
    ("iPad (第10世代)", 16, true),
    ("iPad Air (第5世代)", 15, true),
    ("iPad mini (第6世代)", 15, true),
    ("iPad Pro 11インチ", 16, true),
];

pub const ANDROID_MODELS: &[&str] = &[
    "Pixel 8",
    "Galaxy S24",
    "AQUOS sense8",
    "Xperia 10 V",
    "arrows We",
];

/// Macs: (model, security chip, oldest and newest macOS major it runs).
pub const MAC_MODELS: &[(&str, MacSecurityChip, u32, u32)] = &[
    (
        "MacBook Air (M2, 2022)",
        MacSecurityChip::AppleSilicon,
        12,
        15,
    ),
    (
        "MacBook Air (M3, 2024)",
        MacSecurityChip::AppleSilicon,
        14,
        15,
    ),
    (
        "MacBook Pro 14インチ (M3, 2023)",
        MacSecurityChip::AppleSilicon,
        14,
        15,
    ),
    ("Mac mini (M2, 2023)", MacSecurityChip::AppleSilicon, 13, 15),
    (
        "MacBook Pro 13インチ (2020, Intel)",
        MacSecurityChip::T2,
        12,
        15,
    ),
    ("MacBook Air (2019, Intel)", MacSecurityChip::T2, 12, 14),
    ("iMac 27インチ (2017)", MacSecurityChip::NoneOfThem, 11, 13),
    (
        "MacBook Pro 13インチ (2017, Thunderbolt 3なし)",
        MacSecurityChip::NoneOfThem,
        11,
        13,
    ),
];

pub const WINDOWS_MODELS: &[&str] = &[
    "Surface Pro 9",
    "ThinkPad X1 Carbon",
    "dynabook G83",
    "Let's note SV",
];

pub const TAGS: &[&str] = &[
    "営業",
    "東京",
    "大阪",
    "役員",
    "貸出用",
    "検証機",
    "在宅勤務",
    "現場用",
    "予備機",
];

pub const NOTES: &[&str] = &[
    "画面割れ修理済み",
    "2026年度更新予定",
    "共用端末(受付)",
    "出張用の貸出端末",
    "バッテリー交換済み",
];
