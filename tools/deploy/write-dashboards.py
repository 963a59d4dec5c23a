#!/usr/bin/env python3
"""Writes the Grafana dashboards of deploy/components/monitoring/dashboards/ (JSON models,
schemaVersion 39, datasource chosen per dashboard through the `datasource` variable).

  python3 tools/deploy/write-dashboards.py

Edit the panels here, not in the JSON, so the seven dashboards stay consistent.
"""
import json
import os

OUT = os.path.join(os.path.dirname(__file__), "..", "..", "deploy", "components", "monitoring", "dashboards")
SERVICES = {
    "registration": "Beneficiaries, enrolments, consents; owns the personal data",
    "training": "Courses, sessions, attendance",
    "reintegration": "Projects, milestones, visits",
    "referrals": "Partner directory and referrals",
    "reporting": "Projections and indicators",
}
DS = {"type": "prometheus", "uid": "${datasource}"}


def panel(title, exprs, unit="short", kind="timeseries", legend=None, w=12, h=8):
    return {
        "type": kind,
        "title": title,
        "datasource": DS,
        "gridPos": {"w": w, "h": h},
        "fieldConfig": {"defaults": {"unit": unit}, "overrides": []},
        "targets": [
            {"refId": chr(65 + i), "expr": e, "legendFormat": (legend or [None] * len(exprs))[i] or "__auto"}
            for i, e in enumerate(exprs)
        ],
    }


def dashboard(uid, title, panels, description, extra_vars=()):
    x = y = 0
    for p in panels:
        if x + p["gridPos"]["w"] > 24:
            x, y = 0, y + 8
        p["gridPos"].update({"x": x, "y": y})
        p["id"] = len([q for q in panels if "id" in q]) + 1
        x += p["gridPos"]["w"]
    variables = [
        {"name": "datasource", "type": "datasource", "query": "prometheus", "label": "Data source"},
        {
            "name": "namespace",
            "type": "query",
            "datasource": DS,
            "query": "label_values(mrm_process_start_time_seconds, namespace)",
            "refresh": 2,
            "label": "Environment",
        },
        *extra_vars,
    ]
    return {
        "uid": uid,
        "title": title,
        "description": description,
        "tags": ["mrm"],
        "timezone": "browser",
        "schemaVersion": 39,
        "version": 1,
        "editable": False,
        "time": {"from": "now-6h", "to": "now"},
        "refresh": "1m",
        "templating": {"list": variables},
        "panels": panels,
    }


def bus():
    ns = 'namespace="$namespace"'
    return dashboard(
        "mrm-bus",
        "MRM / Event bus",
        [
            panel("Outbox: oldest unpublished event", [f"max by (service) (mrm_outbox_oldest_age_seconds{{{ns}}})"], "s", legend=["{{service}}"]),
            panel("Outbox backlog", [f"sum by (service) (mrm_outbox_backlog{{{ns}}})"], legend=["{{service}}"]),
            panel("Events published / s", [f"sum by (service) (rate(mrm_events_published_total{{{ns}}}[5m]))"], "ops", legend=["{{service}}"]),
            panel("Publish failures / s", [f"sum by (service) (rate(mrm_outbox_publish_failures_total{{{ns}}}[5m]))"], "ops", legend=["{{service}}"]),
            panel("Consumer lag (pending)", [f"max by (service, stream) (mrm_consumer_pending_messages{{{ns}}})"], legend=["{{service}} ← {{stream}}"]),
            panel("Awaiting ack", [f"max by (service, stream) (mrm_consumer_ack_pending_messages{{{ns}}})"], legend=["{{service}} ← {{stream}}"]),
            panel("Consumed / s by outcome", [f"sum by (outcome) (rate(mrm_events_consumed_total{{{ns}}}[5m]))"], "ops", legend=["{{outcome}}"]),
            panel("Dead-lettered (1h)", [f"sum by (service, type) (increase(mrm_events_consumed_total{{{ns},outcome=\"dead_letter\"}}[1h]))"], legend=["{{service}} {{type}}"]),
            panel("JetStream storage used", [f"max by (server_name) (jetstream_server_total_message_bytes{{{ns}}} / jetstream_server_max_storage{{{ns}}})"], "percentunit", legend=["{{server_name}}"]),
            panel("Messages per stream", [f"max by (stream_name) (jetstream_stream_total_messages{{{ns}}})"], legend=["{{stream_name}}"]),
            panel("NATS client connections", [f"sum by (server_id) (gnatsd_varz_connections{{{ns}}})"], legend=["{{server_id}}"]),
            panel("Handler p95", [f"histogram_quantile(0.95, sum by (service, le) (rate(mrm_event_handler_duration_seconds_bucket{{{ns}}}[5m])))"], "s", legend=["{{service}}"]),
        ],
        "Outbox, JetStream streams and consumers, dead letters: is every event getting through?",
    )


def service(name, description):
    sel = f'namespace="$namespace",service="{name}"'
    return dashboard(
        f"mrm-{name}",
        f"MRM / {name}",
        [
            panel("Requests / s by status", [f"sum by (status) (rate(mrm_http_request_duration_seconds_count{{{sel}}}[5m]))"], "reqps", legend=["{{status}}"]),
            panel("5xx ratio", [f"sum(rate(mrm_http_request_duration_seconds_count{{{sel},status=~\"5..\"}}[5m])) / sum(rate(mrm_http_request_duration_seconds_count{{{sel}}}[5m]))"], "percentunit"),
            panel("Latency p50 / p95 / p99", [f"histogram_quantile({q}, sum by (le) (rate(mrm_http_request_duration_seconds_bucket{{{sel},route!=\"unmatched\"}}[5m])))" for q in (0.5, 0.95, 0.99)], "s", legend=["p50", "p95", "p99"]),
            panel("Slowest routes (p95)", [f"topk(5, histogram_quantile(0.95, sum by (route, le) (rate(mrm_http_request_duration_seconds_bucket{{{sel},route!=\"unmatched\"}}[5m]))))"], "s", legend=["{{route}}"]),
            panel("Outbox oldest / backlog", [f"max(mrm_outbox_oldest_age_seconds{{{sel}}})", f"sum(mrm_outbox_backlog{{{sel}}})"], legend=["oldest (s)", "backlog"]),
            panel("Events consumed by outcome", [f"sum by (outcome) (rate(mrm_events_consumed_total{{{sel}}}[5m]))"], "ops", legend=["{{outcome}}"]),
            panel("Consumer lag", [f"max by (stream) (mrm_consumer_pending_messages{{{sel}}})"], legend=["{{stream}}"]),
            panel("Event handler p95 by type", [f"histogram_quantile(0.95, sum by (type, le) (rate(mrm_event_handler_duration_seconds_bucket{{{sel}}}[5m])))"], "s", legend=["{{type}}"]),
            panel("Resident memory", [f"mrm_process_resident_memory_bytes{{{sel}}}"], "bytes", legend=["{{pod}}"]),
            panel("Event loop lag p99", [f"mrm_nodejs_eventloop_lag_p99_seconds{{{sel}}}"], "s", legend=["{{pod}}"]),
            panel("CPU", [f"rate(mrm_process_cpu_seconds_total{{{sel}}}[5m])"], "percentunit", legend=["{{pod}}"]),
            panel("Timers fired / s", [f"sum by (pod) (rate(mrm_timers_fired_total{{{sel}}}[5m]))"], "ops", legend=["{{pod}}"]),
        ],
        description,
    )


def referral_loop():
    ns = 'namespace="$namespace"'
    steps = ["requested", "received", "accepted", "rejected", "redirected", "started", "completed", "failed", "overdue", "cancelled"]
    return dashboard(
        "mrm-referral-loop",
        "MRM / Referral loop",
        [
            panel("Referral events published (1h) by step", [f"sum by (type) (increase(mrm_events_published_total{{{ns},type=~\".*referral\\\\.{s}\\\\..*\"}}[1h]))" for s in steps], legend=steps, w=24),
            panel("Accepted / requested (24h)", [f"sum(increase(mrm_events_published_total{{{ns},type=~\".*referral\\\\.accepted\\\\..*\"}}[24h])) / sum(increase(mrm_events_published_total{{{ns},type=~\".*referral\\\\.requested\\\\..*\"}}[24h]))"], "percentunit"),
            panel("Overdue (24h)", [f"sum(increase(mrm_events_published_total{{{ns},type=~\".*referral\\\\.overdue\\\\..*\"}}[24h]))"], kind="stat"),
            panel("Partner consumers: pending", [f"max by (consumer_name) (jetstream_consumer_num_pending{{{ns},stream_name=~\".*REFERRALS.*\"}})"], legend=["{{consumer_name}}"]),
            panel("Partner consumers: redelivered", [f"max by (consumer_name) (jetstream_consumer_num_redelivered{{{ns},stream_name=~\".*REFERRALS.*\"}})"], legend=["{{consumer_name}}"]),
            panel("Referral handlers dead-lettered (24h)", [f"sum by (service, type) (increase(mrm_events_consumed_total{{{ns},outcome=\"dead_letter\",type=~\".*referral.*\"}}[24h]))"], legend=["{{service}} {{type}}"]),
            panel("Referral reminders and deadlines fired", [f"sum(rate(mrm_timers_fired_total{{{ns},service=\"referrals\"}}[15m]))"], "ops"),
        ],
        "From request to completion across institutions: how many referrals move, where they stall, which partner lags.",
    )


def main():
    os.makedirs(OUT, exist_ok=True)
    boards = {"mrm-bus": bus(), "mrm-referral-loop": referral_loop()}
    for name, description in SERVICES.items():
        boards[f"mrm-{name}"] = service(name, description)
    for name, board in boards.items():
        with open(os.path.join(OUT, f"{name}.json"), "w") as f:
            json.dump(board, f, indent=2, ensure_ascii=False)
            f.write("\n")


if __name__ == "__main__":
    main()
