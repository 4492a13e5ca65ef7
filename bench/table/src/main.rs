//! The benchmark page's entry point (built by Trunk from bench/table/index.html).

fn main() {
    mdm_bench_table::start();
}
