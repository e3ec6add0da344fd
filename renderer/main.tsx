import '@mantine/core/styles.css';
import 'mantine-datatable/styles.css';
import './global.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './components/App/App';
import { bindReadyAttribute } from './stores/page-ready-store';

const container = document.getElementById('root');
if (!container) throw new Error('Élément #root introuvable dans index.html');
bindReadyAttribute(container);
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
