"""The Streamlit app: thin pages that call `copilot` and render its typed results.

`market-copilot ui` runs `streamlit run ui/app.py`. Modules here import the heavy parts of the
library (agent, tools, news store, model) only when a question or an import needs them, so the
first page is interactive quickly.
"""
