// The catalogue. `art` picks one of the drawings in app.js.
window.PRODUCTS = [
  { id: "trailhead-2p", title: "Trailhead 2P Tent", price: 249.0, rating: 4.7, reviews: 312, art: "tent", color: "#e07a2f", blurb: "Freestanding, 1.9 kg, two doors and two vestibules." },
  { id: "ridgeline-ul", title: "Ridgeline UL Tent", price: 389.0, rating: 4.8, reviews: 128, art: "tent", color: "#5b8c5a", blurb: "Ultralight single-wall shelter that pitches with trekking poles." },
  { id: "summit-down-bag", title: "Summit 750 Down Bag", price: 299.0, rating: 4.6, reviews: 204, art: "bag", color: "#3f6fb5", blurb: "750-fill responsibly sourced down, packs to a 6 L stuff sack." },
  { id: "featherlite-pad", title: "Featherlite Air Pad", price: 129.0, rating: 4.4, reviews: 451, art: "pad", color: "#d9a441", blurb: "R-value 4.2, inflates in eleven breaths with the pump sack." },
  { id: "basecamp-stove", title: "Basecamp Stove Kit", price: 89.0, rating: 4.5, reviews: 389, art: "stove", color: "#8a5cf6", blurb: "Boils a litre in 3.5 minutes; pot, lid and windscreen included." },
  { id: "trail-mug", title: "Titanium Trail Mug", price: 24.0, rating: 4.9, reviews: 967, art: "mug", color: "#7c8794", blurb: "450 ml, folding handles, weighs less than a chocolate bar." },
  { id: "lumen-lantern", title: "Lumen 400 Lantern", price: 39.0, rating: 4.3, reviews: 178, art: "lantern", color: "#f2c14e", blurb: "Rechargeable, warm white, charges your phone in a pinch." },
  { id: "beacon-headlamp", title: "Beacon Headlamp", price: 45.0, rating: 4.6, reviews: 522, art: "headlamp", color: "#e4572e", blurb: "350 lumens, red night mode, lock switch for your pack." },
  { id: "driftwood-chair", title: "Driftwood Camp Chair", price: 69.0, rating: 4.2, reviews: 143, art: "chair", color: "#2a9d8f", blurb: "Packs down to the size of a water bottle, holds 120 kg." },
  { id: "canopy-hammock", title: "Canopy Hammock", price: 79.0, rating: 4.5, reviews: 96, art: "hammock", color: "#c05299", blurb: "Integrated bug net and tree straps, sets up in two minutes." },
  { id: "aqua-filter", title: "AquaPure Water Filter", price: 35.0, rating: 4.7, reviews: 733, art: "bottle", color: "#1f9ad6", blurb: "Squeeze filter good for 380,000 litres of clean water." },
  { id: "trekker-poles", title: "Trekker Carbon Poles", price: 119.0, rating: 4.4, reviews: 211, art: "poles", color: "#444c56", blurb: "Carbon shafts, cork grips, flick locks that stay put." }
];
