"""``python -m wfexplorer`` runs the desktop application; it is the frozen application's entry point too."""

import sys

if __name__ == "__main__":
    if sys.argv[1:2] == ["--seed-demo-data"]:  # the frozen app as the first demo start's seeding process
        from wfexplorer.demo.seed_cache import main as seed_main

        sys.exit(seed_main(sys.argv[2:]))
    from wfexplorer.app import main

    sys.exit(main())
