"""The dashboard: the window's home once there are inspections (see :mod:`.home`)."""

from app.ui.dashboard.home import Home, install_dashboard
from app.ui.dashboard.view import DashboardView

__all__ = ["DashboardView", "Home", "install_dashboard"]
