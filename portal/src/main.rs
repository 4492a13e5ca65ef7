//! `mdm-portal`: serves the console and the API on one address.

use std::{net::SocketAddr, num::NonZeroU32, path::PathBuf};

use anyhow::Context;
use chrono::{DateTime, Utc};
use clap::{Parser, ValueEnum};
use mdm_model::job::AppleReply;
use mdm_portal::{
    auth::HashCost,
    engine::{clock::Clock, control::ClockControl, EngineHandle},
    security::Origin,
    sign_in::{address_limit::AddressRate, hashing::PasswordSlots},
    simulator::SimulatorConfig,
    store::{
        database_url::DatabaseUrl,
        seed::{self, FleetSpec},
        Store,
    },
    AppState, Settings,
};

/// Reference MDM portal: the API the console uses, a SQLite store, the wipe-job engine and a
/// device simulator.
#[derive(Debug, Parser)]
#[command(version, about)]
struct Args {
    /// Address to listen on.
    #[arg(long, default_value = "127.0.0.1:8080", env = "MDM_ADDR")]
    addr: SocketAddr,
    /// SQLite database file (created with its folder if missing).
    #[arg(long, default_value = "data/portal.sqlite3", env = "MDM_DB")]
    db: PathBuf,
    /// The database as a URL instead of `--db`: `sqlite://FILE` (relative) or
    /// `sqlite:///FILE` (absolute), or `postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE`
    /// (several portal instances may share one). Any other scheme, or a PostgreSQL server
    /// that does not answer, refuses the start.
    #[arg(
        long,
        value_name = "URL",
        env = "MDM_DATABASE_URL",
        conflicts_with = "db"
    )]
    database_url: Option<DatabaseUrl>,
    /// Write the demo tenant (administrators, groups, Wi-Fi settings, DEP profiles, devices)
    /// into the database when it has none.
    #[arg(long, env = "MDM_SEED")]
    seed: bool,
    /// Number of devices `--seed` generates.
    #[arg(long, default_value_t = 500, env = "MDM_SEED_DEVICES")]
    seed_devices: usize,
    /// Seed number of the generated fleet: the same number gives the same fleet.
    #[arg(long, default_value_t = 2026, env = "MDM_SEED_NUMBER")]
    seed_number: u64,
    /// The seeded tenant's contract date (YYYY-MM-DD). Before 2018-12-01 its fleet has IVI
    /// MDM and Hybrid iPhones and iPads; from then on, Apple MDM only.
    #[arg(long, default_value_t = seed::DEMO_CONTRACTED_ON, env = "MDM_SEED_CONTRACTED_ON")]
    seed_contracted_on: chrono::NaiveDate,
    /// With `--seed`: also add a group of devices and Wi-Fi settings whose names, notes, tags
    /// and owners carry markup, script, bidi controls and very long strings (browser tests).
    #[arg(long, requires = "seed", env = "MDM_SEED_HOSTILE")]
    seed_hostile: bool,
    /// How many times faster than real devices the simulated ones act: answers, busy retries,
    /// IVI MDM delays, returns after a wipe (60 = a minute's behaviour per second). Jobs are
    /// always stamped with the portal's clock, never sped up.
    #[arg(long, default_value_t = 1.0, env = "MDM_TIME_SCALE")]
    time_scale: f64,
    /// `wall`: jobs run on real time. `manual`: time stands still until
    /// `POST /api/clock/advance` moves it (demos, host portals' tests).
    #[arg(long, value_enum, default_value_t = ClockMode::Wall, env = "MDM_CLOCK")]
    clock: ClockMode,
    /// With `--clock manual`: the time it starts at (RFC 3339); the current time otherwise.
    #[arg(long, value_name = "TIME", env = "MDM_CLOCK_START")]
    clock_start: Option<DateTime<Utc>>,
    /// `realistic`: devices switch off, lose the network and answer with a mix of replies.
    /// `scripted`: devices keep their state and answer every Apple MDM command with
    /// --scripted-reply after exactly 30 simulated seconds.
    #[arg(long, value_enum, default_value_t = SimulatorMode::Realistic, env = "MDM_SIMULATOR")]
    simulator: SimulatorMode,
    /// With `--simulator scripted`: Acknowledged, NotNow, Error or CommandFormatError.
    #[arg(long, value_name = "REPLY", default_value = "Acknowledged", value_parser = parse_reply, env = "MDM_SCRIPTED_REPLY")]
    scripted_reply: AppleReply,
    /// Folder of the built console, served at `/`.
    #[arg(long, default_value = "dist", env = "MDM_DIST")]
    dist: PathBuf,
    /// Add `Secure` to the cookies (set this when the portal is behind HTTPS).
    #[arg(long, env = "MDM_SECURE_COOKIES")]
    secure_cookies: bool,
    /// A host origin (scheme://host[:port]) allowed to show the console in a frame, besides the
    /// portal itself; repeat for several hosts.
    #[arg(long = "frame-ancestors", value_name = "ORIGIN", value_parser = parse_origin, env = "MDM_FRAME_ANCESTORS", value_delimiter = ',')]
    frame_ancestors: Vec<Origin>,
    /// Sign a session out after this many minutes without a request.
    #[arg(long, default_value_t = 30, env = "MDM_SESSION_IDLE_MINUTES")]
    session_idle_minutes: u32,
    /// Password verifications that may run at once (each holds about 19 MiB and a core);
    /// 0 = half the machine's cores.
    #[arg(long, default_value_t = 0, env = "MDM_PASSWORD_CHECKS")]
    password_checks: usize,
    /// How long a sign-in waits for a free verification slot before it is answered 429.
    #[arg(long, default_value_t = 2000, env = "MDM_PASSWORD_CHECK_WAIT_MS")]
    password_check_wait_ms: u64,
    /// Sign-in and token requests allowed per client address and minute, after a burst of
    /// `--sign-in-burst`.
    #[arg(long, default_value_t = 20, value_parser = clap::value_parser!(u32).range(1..), env = "MDM_SIGN_IN_RATE_PER_MINUTE")]
    sign_in_rate_per_minute: u32,
    /// Sign-in and token requests one client address may make at once.
    #[arg(long, default_value_t = 10, value_parser = clap::value_parser!(u32).range(1..), env = "MDM_SIGN_IN_BURST")]
    sign_in_burst: u32,
    /// Answer an `/api` request `503 timeout` when it has run this long.
    #[arg(long, default_value_t = 60, value_parser = clap::value_parser!(u64).range(1..), env = "MDM_REQUEST_TIMEOUT_SECONDS")]
    request_timeout_seconds: u64,
    /// Log as JSON lines instead of compact text.
    #[arg(long, env = "MDM_LOG_JSON")]
    log_json: bool,
    /// Database connections for reads beside the writer, so reads do not wait for writes
    /// (SQLite: read-only connections; PostgreSQL: sessions; 0: every read uses the writer).
    #[arg(long, default_value_t = mdm_portal::store::DEFAULT_READERS, value_parser = clap::builder::ValueParser::new(parse_readers), env = "MDM_READ_CONNECTIONS")]
    read_connections: usize,
    /// How long a list the fleet changed by itself (device status or last-seen time, job
    /// status) may be served before one request recomputes it; 0 = always exact. Always 0
    /// with `--clock manual`.
    #[arg(long, default_value_t = 1000, env = "MDM_LIST_REFRESH_MS")]
    list_refresh_ms: u64,
    /// Write a consistent copy of the `--db` database to this new file and exit; safe while a
    /// portal runs on the database.
    #[arg(long, value_name = "FILE", env = "MDM_BACKUP_TO")]
    backup_to: Option<PathBuf>,
}

impl Args {
    /// The database the portal runs on, from `--database-url` or `--db`.
    fn database(&self) -> DatabaseUrl {
        self.database_url
            .clone()
            .unwrap_or_else(|| DatabaseUrl::sqlite(&self.db))
    }
}

fn parse_readers(text: &str) -> Result<usize, String> {
    match text.parse::<usize>() {
        Ok(n) if n <= 64 => Ok(n),
        _ => Err("expected a number from 0 to 64".to_string()),
    }
}

fn parse_origin(text: &str) -> Result<Origin, String> {
    Origin::parse(text).map_err(|e| e.to_string())
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ClockMode {
    Wall,
    Manual,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum SimulatorMode {
    Realistic,
    Scripted,
}

fn parse_reply(text: &str) -> Result<AppleReply, String> {
    text.parse().map_err(|_| {
        let known: Vec<&str> = AppleReply::ALL.iter().map(|r| r.as_str()).collect();
        format!("expected one of {}", known.join(", "))
    })
}

fn init_logging(json: bool) {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    // Logs go to stderr so stdout carries only the start-up lines scripts wait for.
    let ansi = std::io::IsTerminal::is_terminal(&std::io::stderr());
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_target(false)
        .with_writer(std::io::stderr)
        .with_ansi(ansi);
    if json {
        builder.json().init();
    } else {
        builder.compact().init();
    }
}

async fn shutdown_signal() {
    let ctrl_c = async {
        if let Err(error) = tokio::signal::ctrl_c().await {
            tracing::error!(%error, "cannot listen for Ctrl-C");
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(error) => {
                tracing::error!(%error, "cannot listen for SIGTERM");
                std::future::pending::<()>().await;
            }
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = terminate => {},
    }
    tracing::info!("shutting down");
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    init_logging(args.log_json);
    if let Some(to) = &args.backup_to {
        let DatabaseUrl::Sqlite(file) = args.database() else {
            anyhow::bail!(
                "--backup-to copies a SQLite database; back up PostgreSQL with pg_dump \
                 (see \"Backup and restore\" in portal/README.md)"
            );
        };
        let version = mdm_portal::store::backup::backup(&file, to)?;
        println!(
            "backup of {} (schema {version}) written to {}",
            file.display(),
            to.display()
        );
        return Ok(());
    }

    if !(args.time_scale.is_finite() && args.time_scale > 0.0) {
        anyhow::bail!("--time-scale must be a positive number");
    }
    if args.session_idle_minutes == 0 {
        anyhow::bail!("--session-idle-minutes must be at least 1");
    }
    if args.clock != ClockMode::Manual && args.clock_start.is_some() {
        anyhow::bail!("--clock-start needs --clock manual");
    }
    if args.simulator != SimulatorMode::Scripted && args.scripted_reply != AppleReply::Acknowledged
    {
        anyhow::bail!("--scripted-reply needs --simulator scripted");
    }
    let clock = match args.clock {
        ClockMode::Wall => Clock::system(),
        ClockMode::Manual => Clock::manual(args.clock_start.unwrap_or_else(Utc::now)),
    };
    let store = Store::open_url(&args.database(), args.read_connections)?;
    if args.seed {
        let fleet = FleetSpec {
            devices: args.seed_devices,
            seed: args.seed_number,
            contracted_on: args.seed_contracted_on,
        };
        let now = clock.now();
        let started = std::time::Instant::now();
        let seeded = store
            .blocking(|conn| seed::seed_demo(conn, HashCost::Standard, fleet, now))
            .map_err(|e| anyhow::anyhow!("seeding the demo tenant failed: {:?}", e.code))?;
        if let (Some(tenant_id), true) = (seeded, args.seed_hostile) {
            store
                .blocking(move |conn| {
                    seed::hostile::seed_hostile(conn, tenant_id, now).map_err(Into::into)
                })
                .map_err(|e| anyhow::anyhow!("seeding the hostile data failed: {:?}", e.code))?;
        }
        if seeded.is_some() {
            tracing::info!(
                devices = fleet.devices,
                seconds = started.elapsed().as_secs_f64(),
                "seeded the demo tenant"
            );
        }
    }
    let settings = Settings {
        dist: Some(args.dist.clone()),
        secure_cookies: args.secure_cookies,
        frame_ancestors: args.frame_ancestors.clone(),
        session_idle: chrono::Duration::minutes(i64::from(args.session_idle_minutes)),
        password_checks: match args.password_checks {
            0 => PasswordSlots::default_count(),
            n => n,
        },
        password_check_wait: std::time::Duration::from_millis(args.password_check_wait_ms),
        credential_rate: AddressRate {
            per_minute: NonZeroU32::new(args.sign_in_rate_per_minute).unwrap_or(NonZeroU32::MIN),
            burst: NonZeroU32::new(args.sign_in_burst).unwrap_or(NonZeroU32::MIN),
        },
        request_timeout: std::time::Duration::from_secs(args.request_timeout_seconds),
        // On a manual clock nothing changes between calls: lists are kept exact.
        list_max_age: match args.clock {
            ClockMode::Wall => std::time::Duration::from_millis(args.list_refresh_ms),
            ClockMode::Manual => std::time::Duration::ZERO,
        },
        ..Settings::default()
    };
    if !args.dist.join("index.html").is_file() {
        tracing::warn!(dist = %args.dist.display(), "console not built; serving the API only");
    }
    let state = AppState::new(store, clock, settings)
        .map_err(|e| anyhow::anyhow!("preparing the portal failed: {:?}", e.code))?;

    // Other instances on the same PostgreSQL database: their changes retire this one's lists.
    let follower = state.store.spawn_change_follower();

    // The engine picks up where it left off: scheduled jobs whose time passed while the
    // portal was down start on the first tick.
    let simulator = match args.simulator {
        SimulatorMode::Realistic => SimulatorConfig::default(),
        SimulatorMode::Scripted => SimulatorConfig::scripted(args.scripted_reply),
    };
    let engine = EngineHandle::new(SimulatorConfig {
        seed: args.seed_number,
        speed: args.time_scale,
        ..simulator
    });
    // A manual clock runs the engine only when advanced, so nothing moves between requests;
    // a wall clock runs it in the background.
    let (router, background) = if state.clock.is_manual() {
        let control = ClockControl::new(engine);
        (mdm_portal::app(state).layer(axum::Extension(control)), None)
    } else {
        (mdm_portal::app(state.clone()), Some(engine.spawn(state)))
    };

    let listener = tokio::net::TcpListener::bind(args.addr)
        .await
        .with_context(|| format!("cannot listen on {}", args.addr))?;
    let local = listener.local_addr()?;
    println!("portal listening on http://{local}");
    if args.seed {
        println!("demo sign-in: admin / Demo#2026");
    }
    // The client's address feeds the per-address limit and the lockout's source key.
    let app = router.into_make_service_with_connect_info::<SocketAddr>();
    axum::serve(listener, app)
        .with_graceful_shutdown(shutdown_signal())
        .await
        .context("serving")?;
    for task in background.into_iter().chain(follower) {
        task.abort();
    }
    Ok(())
}
