"""The Qt-free Workfront library under the explorer."""
