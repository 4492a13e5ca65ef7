//! The one table kit of the console, used by the device table, the job list and the audit log:
//! the scrolling frame, sortable headers generic over a list's sort key, the pager, the notice
//! row shown instead of rows (loading, empty, error), badges, and the column chooser. Its
//! stylesheet, `data_table.css`, sits beside it; the lists keep only what is their own.

mod badge;
mod columns;
mod frame;
mod notice;
mod pager;
mod sort;

pub use badge::{Badge, Tone};
pub use columns::{ColumnChooser, ColumnSet, TableColumn};
pub use frame::TableFrame;
pub use notice::{ListState, Notice, TableNotice, TableNoticeRow};
pub use pager::{Pager, PagerText};
pub use sort::{aria_sort, SortButton, SortHeader, SortKey};
