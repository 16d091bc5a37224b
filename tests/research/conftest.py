"""The research tests use the shared fixtures `shared_news_store` and `research_deps`
(tests/conftest.py): the real market data plus a news store of real articles."""
