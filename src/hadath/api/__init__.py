"""The HTTP API and the dashboard (`hadath serve`): `create_app(settings)` builds the FastAPI app."""
