import { mountApp } from '../bootstrap';
import { MerchantRoutes } from './merchant-routes';
import './merchant.css';

mountApp('/merchant', <MerchantRoutes />);
