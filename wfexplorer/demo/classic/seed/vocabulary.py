"""Names the demo data is made of: a fictional outdoor-gear company, its people, projects and work."""

from __future__ import annotations

COMPANY = "Halcyon Outdoor Co."
EMAIL_DOMAIN = "halcyon-outdoor.example"
VENDORS = ("Brightline Creative Agency", "Northbeam Analytics", "Keystone Logistics Partners")

GROUPS = ("Marketing", "Product & Engineering", "Operations", "Finance", "Customer Experience", "IT")

# (name, group, billingPerHour, costPerHour, maxUsers)
ROLES = (
    ("Project Manager", "Operations", 145.0, 72.0, 12),
    ("Product Owner", "Product & Engineering", 150.0, 78.0, 8),
    ("UX Designer", "Product & Engineering", 130.0, 64.0, 10),
    ("Graphic Designer", "Marketing", 110.0, 52.0, 10),
    ("Copywriter", "Marketing", 95.0, 45.0, 6),
    ("Software Engineer", "Product & Engineering", 160.0, 80.0, 30),
    ("QA Analyst", "Product & Engineering", 105.0, 50.0, 10),
    ("Data Analyst", "Finance", 120.0, 58.0, 8),
    ("Marketing Manager", "Marketing", 135.0, 68.0, 8),
    ("Supply Chain Planner", "Operations", 115.0, 55.0, 8),
    ("Support Specialist", "Customer Experience", 85.0, 38.0, 15),
    ("Systems Administrator", "IT", 125.0, 60.0, 6),
)

# (name, group, roles that usually sit in the team)
TEAMS = (
    ("Brand Studio", "Marketing", ("Graphic Designer", "Copywriter", "Marketing Manager")),
    ("Web Platform", "Product & Engineering", ("Software Engineer", "QA Analyst", "UX Designer", "Product Owner")),
    ("Mobile Apps", "Product & Engineering", ("Software Engineer", "QA Analyst", "UX Designer")),
    ("Data & Analytics", "Finance", ("Data Analyst", "Software Engineer")),
    ("Supply Chain Ops", "Operations", ("Supply Chain Planner", "Project Manager")),
    ("Field Marketing", "Marketing", ("Marketing Manager", "Copywriter", "Graphic Designer")),
    ("Customer Support", "Customer Experience", ("Support Specialist",)),
    ("IT Infrastructure", "IT", ("Systems Administrator", "Software Engineer")),
)

FIRST_NAMES = (
    "Priya", "Marcus", "Elena", "David", "Aisha", "Tomás", "Hannah", "Kenji", "Olivia", "Rafael", "Sofia", "Liam",
    "Grace", "Mateo", "Chloe", "Noah", "Fatima", "Ethan", "Isabel", "Lucas", "Maya", "Daniel", "Zoe", "Samuel",
    "Amara", "Jacob", "Leah", "Omar", "Nora", "Gabriel", "Ruby", "Andre", "Claire", "Hugo", "Ingrid", "Victor",
    "Yuki", "Bianca", "Felix", "Imani",
)
LAST_NAMES = (
    "Shah", "Bennett", "Rossi", "Okafor", "Khan", "Alvarez", "Schmidt", "Tanaka", "Walsh", "Costa", "Moreau",
    "Fischer", "Nguyen", "Ramirez", "Dubois", "Patel", "Haddad", "Larsen", "Romero", "Silva", "Cohen", "Park",
    "Murphy", "Adeyemi", "Novak", "Brooks", "Lindqvist", "Mensah", "Hughes", "Kowalski", "Ortega", "Baker",
    "Sato", "Reyes", "Jensen", "Mitchell", "Osei", "Ferreira", "Chen", "Olsen",
)

PORTFOLIOS = (
    ("Digital Experience", "Everything customers touch online: storefront, apps and personalisation."),
    ("Product Innovation", "New product lines, materials research and seasonal collections."),
    ("Operational Excellence", "Supply chain, warehousing and back-office efficiency."),
    ("Brand & Marketing", "Campaigns, brand refresh and retail marketing."),
    ("Customer Experience", "Support tooling, loyalty and service quality."),
    ("Sustainability", "Circular products, packaging and emissions reporting."),
)

# (program, portfolio index, project kind)
PROGRAMS = (
    ("Storefront Replatform", 0, "web"),
    ("Mobile App 3.0", 0, "web"),
    ("Trailhead Collection", 1, "product"),
    ("Ultralight Materials Lab", 1, "product"),
    ("Warehouse Automation", 2, "ops"),
    ("ERP Migration", 2, "data"),
    ("Spring Campaign", 3, "campaign"),
    ("Brand Refresh", 3, "campaign"),
    ("Loyalty Relaunch", 0, "web"),
    ("Data Platform", 2, "data"),
    ("Service Desk Modernisation", 4, "ops"),
    ("Recycled Packaging", 5, "product"),
)

PROJECT_SUBJECTS = {
    "web": (
        "Checkout Redesign", "Product Detail Page Refresh", "Site Search Upgrade", "Store Locator Rebuild",
        "iOS Push Notifications", "Android Wishlist", "Accessibility Remediation", "Headless CMS Rollout",
        "Loyalty Points Wallet", "Guest Checkout", "Size Guide Revamp", "Returns Portal",
    ),
    "product": (
        "Trailhead Rain Shell", "Summit Down Jacket", "Ridge 45L Backpack", "Canyon Trail Runner",
        "Basecamp Tent Refresh", "Recycled Fleece Line", "Kids Hiking Boot", "Alpine Glove Range",
        "Compostable Mailer Pilot", "Bio-based Foam Trial",
    ),
    "ops": (
        "Pick-to-Light Pilot", "Returns Processing Cell", "Carrier Rate Renegotiation", "Cycle Count Automation",
        "Reno DC Expansion", "Support Chatbot", "Knowledge Base Migration", "Warranty Claims Workflow",
    ),
    "data": (
        "Finance Ledger Migration", "Demand Forecasting Model", "Customer 360 Warehouse", "Inventory Data Cleanse",
        "Sales Dashboard Rebuild", "Vendor Master Consolidation", "Order History Archive",
    ),
    "campaign": (
        "Spring Trails Campaign", "Earth Day Activation", "Holiday Gift Guide", "Back-to-School Push",
        "Brand Guidelines Refresh", "Ambassador Program", "Retail Window Displays", "Influencer Summit",
    ),
}

PHASES = {
    "web": (
        ("Discovery", ("Kickoff meeting", "Stakeholder interviews", "Audit current analytics", "Competitive review",
                       "Define success metrics", "Requirements sign-off")),
        ("Design", ("Information architecture", "Wireframes", "Visual design concepts", "Design system updates",
                    "Accessibility review", "Usability testing")),
        ("Build", ("Set up environments", "Front-end implementation", "API integration", "Content migration",
                   "Performance tuning", "Security review")),
        ("Test", ("Test plan", "Functional QA", "Regression testing", "UAT with stakeholders", "Bug triage",
                  "Load testing")),
        ("Launch", ("Go/no-go meeting", "Deploy to production", "Post-launch monitoring", "Retrospective",
                    "Handover to support")),
    ),
    "product": (
        ("Concept", ("Market research", "Consumer panel", "Concept sketches", "Costing estimate", "Concept review")),
        ("Development", ("Tech pack", "Material sourcing", "First prototype", "Fit session", "Second prototype",
                         "Lab testing")),
        ("Sourcing", ("Factory selection", "Price negotiation", "Compliance testing", "Bill of materials sign-off")),
        ("Production", ("Pre-production sample", "Production run", "Quality inspection", "Freight booking")),
        ("Go to Market", ("Product photography", "Line sheet", "Sales training", "Launch to stores")),
    ),
    "ops": (
        ("Assessment", ("Current-state process map", "Site walk-through", "Volume analysis", "Business case")),
        ("Design", ("Future-state process", "Vendor demos", "Vendor selection", "Layout drawings")),
        ("Implementation", ("Install equipment", "Configure WMS rules", "Integrate scanners", "Staff training",
                            "Update SOPs")),
        ("Pilot", ("Pilot week one", "Measure throughput", "Fix pilot issues", "Pilot review")),
        ("Rollout", ("Full rollout", "Hypercare", "Benefits tracking", "Close-out report")),
    ),
    "data": (
        ("Planning", ("Source system inventory", "Data ownership workshop", "Migration strategy", "Project charter")),
        ("Modelling", ("Conceptual model", "Logical model", "Data dictionary", "Model review")),
        ("Migration", ("Extract scripts", "Transformation rules", "Load to staging", "Reconciliation",
                       "Data quality fixes")),
        ("Validation", ("Parallel run", "Finance sign-off", "Report validation", "Performance testing")),
        ("Cutover", ("Cutover rehearsal", "Production cutover", "Decommission legacy jobs", "Lessons learned")),
    ),
    "campaign": (
        ("Strategy", ("Campaign brief", "Audience research", "Channel plan", "Budget approval")),
        ("Creative", ("Creative concepts", "Copy drafts", "Photo shoot", "Video edit", "Asset adaptation")),
        ("Production", ("Landing page build", "Email templates", "Paid social setup", "In-store signage",
                        "Legal review")),
        ("Launch", ("Launch day checklist", "Go live", "Community management", "Press outreach")),
        ("Measure", ("Performance report", "Attribution analysis", "Campaign wrap-up")),
    ),
}

SUBTASK_STEPS = {
    "creative": ("draft", "internal review", "revisions", "final sign-off"),
    "engineering": ("implement", "code review", "fix review comments", "deploy to staging"),
    "testing": ("prepare test cases", "execute", "log defects", "retest fixes"),
}
"""Steps a deliverable breaks into, by the kind of phase it sits in."""

PHASE_STEPS = {
    "Design": "creative", "Creative": "creative", "Concept": "creative", "Development": "creative",
    "Strategy": "creative", "Modelling": "creative", "Build": "engineering", "Migration": "engineering",
    "Implementation": "engineering", "Production": "engineering", "Test": "testing", "Validation": "testing",
    "Pilot": "testing",
}
"""Which step list a phase's tasks use; phases not listed have no subtasks."""

NO_SUBTASKS = ("meeting", "sign-off", "review", "go live", "checklist", "kickoff", "retrospective", "approval")
"""Tasks whose names contain one of these words stay single tasks."""

STEP_EXCLUSIONS = {"creative": ("testing", "research", "interviews", "panel", "sourcing")}
"""Further words that keep a task single for one kind of steps."""

ISSUE_COMPONENTS = (
    "Checkout page", "Mobile login screen", "Product feed", "Order confirmation email", "Inventory sync job",
    "Search results", "Store locator map", "Loyalty points balance", "Returns portal", "Nightly sales report",
    "Packaging artwork", "Campaign landing page", "Size guide", "Payment gateway", "Warehouse scanner app",
)
ISSUE_PROBLEMS = (
    "shows the wrong currency symbol", "times out under load", "is missing French translations",
    "loads slowly on mobile networks", "crashes on Android 14", "has a broken link in the footer",
    "displays stale prices", "fails the colour-contrast check", "sends duplicate notifications",
    "rounds totals incorrectly", "needs updated legal copy", "is misaligned on Safari",
    "returns an error for some SKUs", "ignores lowercase promo codes",
)
REQUESTS = (
    "New hero banner for {subject}", "Extra budget for {subject}", "Add a reviewer to {subject}",
    "Translate {subject} assets into Spanish", "Move {subject} launch by one week", "Access to {subject} analytics",
)
CHANGE_ORDERS = (
    "Scope change: add APAC markets to {subject}", "Swap vendor for {subject} photography",
    "Extend {subject} pilot by two weeks", "Replace fabric supplier for {subject}",
)

NOTES = (
    "Shared the latest draft in the project folder - comments welcome by Friday.",
    "Blocked until legal confirms the wording; I've pinged them again.",
    "Vendor confirmed the delivery date, we are back on track.",
    "Moved the review to Thursday so the whole team can attend.",
    "Can we reuse the assets from last season here?",
    "Numbers look good, variance is within 3% of forecast.",
    "QA found two regressions, tickets are linked in the issues tab.",
    "Stakeholders signed off on the direction in today's meeting.",
    "I updated the estimate after the sizing session.",
    "Waiting on the final copy from the agency.",
    "Heads-up: this depends on the ERP cutover date.",
    "Great work everyone - this went out ahead of schedule.",
    "Please attach the signed SOW before we raise the PO.",
    "Customer feedback from the pilot is attached.",
    "Added acceptance criteria, let me know if anything is missing.",
    "Budget owner approved the extra spend.",
)
REPLIES = (
    "Thanks, on it.", "Agreed - let's discuss in stand-up.", "Done, see the updated file.",
    "I can pick this up tomorrow.", "Looks good to me.", "Let's loop in finance on this one.",
)
DOCUMENTS = (
    ("Creative brief", "docx"), ("Project charter", "docx"), ("Wireframes", "pdf"), ("Budget forecast", "xlsx"),
    ("Test plan", "docx"), ("Launch checklist", "xlsx"), ("Vendor contract", "pdf"), ("Status deck", "pptx"),
    ("Requirements", "docx"), ("Mood board", "png"), ("Risk register", "xlsx"), ("Meeting notes", "docx"),
)
MIME = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "pdf": "application/pdf",
    "png": "image/png",
}
HOUR_TYPES = ("Regular Time", "Overtime", "Meetings", "Travel")
