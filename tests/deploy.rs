//! The Kubernetes manifests in deploy/kubernetes/ against the server's own
//! defaults: ports, probes, grace periods and selectors must agree, and the
//! Dockerfile must expose the same ports. (Their schema is checked by
//! `kubernetes-validate` in scripts/test.) The YAML is read with PyYAML from
//! the test tools; skipped with a message when they are absent.

use std::{net::SocketAddr, path::Path, time::Duration};

use serde_json::Value;

use lede::config::{DEFAULT_LISTEN, DEFAULT_METRICS_LISTEN, parse_duration};

use crate::util::{repo, run, stdout_of, tool};

/// Every document of every manifest, as JSON.
async fn manifests(python: &Path) -> Vec<Value> {
    let dir = repo().join("deploy/kubernetes");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("deploy/kubernetes exists")
        .map(|entry| entry.expect("a directory entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == "yaml"))
        .collect();
    files.sort();
    let mut docs = Vec::new();
    for file in files {
        let path = file.to_str().expect("a UTF-8 path");
        let script = "import json, sys, yaml\n\
            print(json.dumps([d for d in yaml.safe_load_all(open(sys.argv[1])) if d]))";
        let output = run(python, &["-c", script, path], b"").await;
        let parsed: Vec<Value> =
            serde_json::from_str(&stdout_of(&output, "PyYAML")).expect("JSON from PyYAML");
        docs.extend(parsed);
    }
    docs
}

fn find<'a>(docs: &'a [Value], kind: &str, name: &str) -> &'a Value {
    docs.iter()
        .find(|d| d["kind"] == kind && d["metadata"]["name"] == name)
        .unwrap_or_else(|| panic!("no {kind} {name} in deploy/kubernetes"))
}

fn port(addr: &str) -> u64 {
    u64::from(addr.parse::<SocketAddr>().expect("a socket address").port())
}

/// The value of environment variable `name` in `container`.
fn env<'a>(container: &'a Value, name: &str) -> Option<&'a str> {
    container["env"]
        .as_array()?
        .iter()
        .find(|e| e["name"] == name)?["value"]
        .as_str()
}

#[tokio::test]
async fn manifests_agree_with_the_server() {
    let Some(python) = tool("LEDE_PYTHON", "python") else {
        return;
    };
    let docs = manifests(&python).await;
    let deployment = find(&docs, "Deployment", "lede");
    let pod = &deployment["spec"]["template"];
    let labels = &pod["metadata"]["labels"];
    let container = &pod["spec"]["containers"][0];

    // Ports: named, and the server's defaults (or what the env sets).
    let grpc_port = port(env(container, "LEDE_LISTEN").unwrap_or(DEFAULT_LISTEN));
    let metrics_port =
        port(env(container, "LEDE_METRICS_LISTEN").unwrap_or(DEFAULT_METRICS_LISTEN));
    assert_eq!(grpc_port, port(DEFAULT_LISTEN));
    assert_eq!(metrics_port, port(DEFAULT_METRICS_LISTEN));
    let named = |name: &str| {
        container["ports"]
            .as_array()
            .and_then(|ports| ports.iter().find(|p| p["name"] == name))
            .and_then(|p| p["containerPort"].as_u64())
    };
    assert_eq!(named("grpc"), Some(grpc_port));
    assert_eq!(named("metrics"), Some(metrics_port));
    assert_eq!(
        pod["metadata"]["annotations"]["prometheus.io/port"],
        metrics_port.to_string()
    );

    // Native gRPC probes on the gRPC port; readiness asks about our service.
    for probe in ["startupProbe", "livenessProbe", "readinessProbe"] {
        assert_eq!(container[probe]["grpc"]["port"], grpc_port, "{probe}");
    }
    assert_eq!(
        container["readinessProbe"]["grpc"]["service"],
        lede::grpc::SERVICE_NAME
    );

    // Resources are bounded, and concurrency matches the CPU limit.
    for field in ["requests", "limits"] {
        for resource in ["cpu", "memory"] {
            assert!(
                container["resources"][field][resource].is_string(),
                "{field}.{resource}"
            );
        }
    }
    assert_eq!(
        env(container, "LEDE_CONCURRENCY"),
        container["resources"]["limits"]["cpu"].as_str()
    );

    // Grace: the preStop pause plus the server's drain fit in the pod's
    // termination grace period.
    let pause = container["lifecycle"]["preStop"]["sleep"]["seconds"]
        .as_u64()
        .expect("a preStop sleep");
    let drain =
        parse_duration(env(container, "LEDE_SHUTDOWN_GRACE").expect("LEDE_SHUTDOWN_GRACE set"))
            .expect("a duration");
    let grace = pod["spec"]["terminationGracePeriodSeconds"]
        .as_u64()
        .expect("terminationGracePeriodSeconds");
    assert!(
        pause > 0,
        "the preStop pause lets endpoints update before SIGTERM"
    );
    assert!(
        Duration::from_secs(pause) + drain < Duration::from_secs(grace),
        "preStop {pause}s + drain {drain:?} must fit in {grace}s"
    );

    // Services: one with a cluster IP, one headless, both on the named port
    // and selecting the pods.
    let selects_pods = |selector: &Value| {
        selector
            .as_object()
            .is_some_and(|s| !s.is_empty() && s.iter().all(|(k, v)| &labels[k] == v))
    };
    for name in ["lede", "lede-headless"] {
        let service = find(&docs, "Service", name);
        assert!(selects_pods(&service["spec"]["selector"]), "{name}");
        let ports = service["spec"]["ports"].as_array().expect("ports");
        let grpc = ports
            .iter()
            .find(|p| p["name"] == "grpc")
            .expect("a grpc port");
        assert_eq!(grpc["targetPort"], "grpc", "{name}");
        assert_eq!(grpc["port"], grpc_port, "{name}");
    }
    assert_eq!(
        find(&docs, "Service", "lede-headless")["spec"]["clusterIP"],
        "None"
    );

    // The autoscaler scales this Deployment; the budget covers its pods.
    let hpa = find(&docs, "HorizontalPodAutoscaler", "lede");
    assert_eq!(hpa["spec"]["scaleTargetRef"]["kind"], "Deployment");
    assert_eq!(hpa["spec"]["scaleTargetRef"]["name"], "lede");
    assert!(hpa["spec"]["minReplicas"].as_u64() >= Some(2));
    let pdb = find(&docs, "PodDisruptionBudget", "lede");
    assert!(selects_pods(&pdb["spec"]["selector"]["matchLabels"]));
    assert!(
        deployment["spec"]["selector"]["matchLabels"]
            .as_object()
            .is_some_and(|s| s.iter().all(|(k, v)| &labels[k] == v))
    );
}

#[test]
fn the_dockerfile_exposes_the_ports_and_stops_on_sigterm() {
    let dockerfile =
        std::fs::read_to_string(repo().join("Dockerfile")).expect("the Dockerfile reads");
    let expose = dockerfile
        .lines()
        .find_map(|line| line.strip_prefix("EXPOSE "))
        .expect("an EXPOSE line");
    for addr in [DEFAULT_LISTEN, DEFAULT_METRICS_LISTEN] {
        let port = port(addr).to_string();
        assert!(
            expose.split_whitespace().any(|p| p == port),
            "{port} not in EXPOSE {expose}"
        );
    }
    assert!(dockerfile.lines().any(|l| l.trim() == "STOPSIGNAL SIGTERM"));
    assert!(dockerfile.contains("USER 65532:65532"));
}
