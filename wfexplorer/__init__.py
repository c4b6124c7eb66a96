"""wfexplorer: a desktop explorer for Adobe Workfront."""

__version__ = "0.1.0"
