"""Prompt files (Markdown + Jinja2), shipped inside the package; load them with
`copilot.prompts.render(name, **variables)`."""
