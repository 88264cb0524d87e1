"""Alerts (issue 15, part 3): rules that say which events an analyst wants to hear of, checked on every
new or changed event the store writes (ingest, POST /api/articles, `hadath watch`, `hadath reprocess`),
each match kept in the store and POSTed to the rule's webhook.

rules.py     a rule and whether an event row matches it (pure)
delivery.py  sending the alerts due to their webhooks, at least once, with backoff
(the store side, hadath.store.alerts: rules and alerts in the store, matching inside the writer's transaction)
"""
