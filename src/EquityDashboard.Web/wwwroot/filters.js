// Filter forms (GET): a choice made with the mouse or by touch applies at once; one made with the
// keyboard waits for Apply, so moving through a list with the arrow keys does not reload the page
// at every step. Empty choices ("All clusters") are left out of the address so it stays short.
// Blazor's enhanced navigation then swaps the page in place.
let lastKey = 0;
document.addEventListener('keydown', () => lastKey = Date.now(), true);
document.addEventListener('pointerdown', () => lastKey = 0, true);

document.addEventListener('change', event => {
    const form = event.target.closest?.('form[data-autosubmit]');
    if (form && Date.now() - lastKey > 1000) form.requestSubmit();
});

document.addEventListener('submit', event => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || form.method !== 'get') return;
    const blank = [...form.elements].filter(e => e.name && (e.tagName === 'SELECT' || e.type === 'hidden') && e.value === '');
    blank.forEach(e => e.disabled = true);
    setTimeout(() => blank.forEach(e => e.disabled = false));
}, true);
