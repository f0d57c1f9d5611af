"""OPCC Inspection Responses: section 55 responses to HMICFRS inspection reports."""

__version__ = "0.1.0"
APP_NAME = "OPCC Inspection Responses"
